import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { PlaygroundCell, PlaygroundSession, PlaygroundStart } from '../../../../shared/domain/playground'
import type { ModelRef } from '../../../../shared/domain/prompts'
import type { ModelPrice, RunResult } from '../../../../shared/domain/runs'
import { writeTransaction, type CoreContext } from '../context'
import type { EventBus } from '../events'
import type { LlmOptions } from '../llm/options'
import { parseCached } from '../runs/cache'
import { runWorkItem, type ItemOutcome } from '../runs/run-item'
import type { FastScorer } from './fast-scores'
import type { PlaygroundTarget } from './target'

/** A session while it lives in memory: what the screen sees, and what "Save as run" stores. */
export interface LiveSession {
  view: PlaygroundSession
  start: PlaygroundStart
  target: PlaygroundTarget
  cases: DatasetCase[]
  priceTable: ModelPrice[]
  /** One per cell, in cell order; null while calling, or when the call was cancelled. */
  results: (RunResult | null)[]
  abort: AbortController
  done: Promise<void>
}

export interface SessionDeps {
  ctx: CoreContext
  bus: EventBus
  options: Pick<LlmOptions, 'retryPolicy' | 'timeoutMs'>
  scorer: FastScorer
}

/** Cells are case-major: every model's answer to case 1, then case 2, … (the screen's rows). */
export function cellPlan(cases: readonly DatasetCase[], models: readonly ModelRef[]) {
  return cases.flatMap((c) => models.map((model) => ({ case: c, model })))
}

export function queuedCell(index: number, caseKey: string, model: ModelRef): PlaygroundCell {
  return {
    index,
    caseKey,
    model,
    status: 'queued',
    text: '',
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: null,
    cached: false,
    error: null,
    scores: [],
  }
}

/** Calls every cell side by side; each waits for its provider's slot in the gateway like any run's call. */
export async function runSession(session: LiveSession, deps: SessionDeps): Promise<void> {
  const plan = cellPlan(session.cases, session.start.models)
  try {
    await Promise.all(plan.map((cell, index) => runCell(session, deps, index, cell)))
  } finally {
    await deps.scorer.close()
    session.view.status = session.abort.signal.aborted ? 'cancelled' : 'done'
    deps.bus.emit('playground.progress', {
      sessionId: session.view.id,
      index: 0,
      status: session.view.status,
    })
  }
}

interface CellWork {
  case: DatasetCase
  model: ModelRef
}

/** The cell's view in the session, and how it reaches the screen. */
function cellView(session: LiveSession, bus: EventBus, index: number) {
  return {
    update(patch: Partial<PlaygroundCell>): void {
      const view = session.view.cells[index]
      if (view) session.view.cells[index] = { ...view, ...patch }
    },
    text: (): string => session.view.cells[index]?.text ?? '',
    /** A piece of text, or (without one) the cell as it now stands. */
    emit(delta?: string): void {
      const view = session.view.cells[index]
      if (!view) return
      const { id, status } = session.view
      const payload = delta !== undefined ? { delta } : { cell: view }
      bus.emit('playground.progress', { sessionId: id, index, status, ...payload })
    },
  }
}

type CellView = ReturnType<typeof cellView>

async function runCell(
  session: LiveSession,
  deps: SessionDeps,
  index: number,
  cell: CellWork,
): Promise<void> {
  const view = cellView(session, deps.bus, index)
  let outcome: ItemOutcome | null
  try {
    outcome = await callCell(session, deps, cell, view)
  } catch (error) {
    view.update({ status: 'failed', error: error instanceof Error ? error.message : String(error) })
    return view.emit()
  }
  if (!outcome) {
    view.update({ status: 'cancelled' })
    return view.emit()
  }
  session.results[index] = outcome.result
  storeInCache(deps.ctx, outcome)
  view.update(answered(outcome.result))
  view.update({ scores: await deps.scorer.score(cell.case, outcome.result) })
  view.emit()
}

/** One call as a run makes it (slot, cache, retries, price), its text streamed to the screen as it comes. */
function callCell(session: LiveSession, deps: SessionDeps, cell: CellWork, view: CellView) {
  const { ctx, options } = deps
  const calls = ctx.llm.provider(cell.model.provider, ctx.llm.settings(cell.model.provider))
  return runWorkItem(
    { case: cell.case, version: session.target.tried, model: cell.model, repeat: 0 },
    {
      runId: session.view.id,
      provider: calls.provider,
      slots: calls.slots,
      limits: calls.limits,
      priceTable: session.priceTable,
      useCache: true,
      policy: options.retryPolicy ?? {},
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      stopTaking: session.abort.signal,
      signal: session.abort.signal,
      nowIso: ctx.now,
      cacheLookup: (hash) => parseCached(ctx.repos.runResults.cacheGet(hash)),
      onAttempt: (record) => {
        if (record.outcome === 'ok') return
        // A failed attempt's partial text is not the answer: the retry streams it again from the start.
        view.update({ text: '' })
        view.emit()
      },
      onText: (delta) => {
        view.update({ status: 'streaming', text: view.text() + delta })
        view.emit(delta)
      },
    },
  )
}

/** The gateway's response cache: trying the same request again at temperature 0 costs nothing. */
function storeInCache(ctx: CoreContext, outcome: ItemOutcome): void {
  const entries = outcome.cacheEntries ?? []
  if (entries.length === 0) return
  writeTransaction(ctx, () => {
    for (const e of entries) ctx.repos.runResults.cachePut(e.hash, JSON.stringify(e.response), ctx.now())
  })
}

function answered(result: RunResult): Partial<PlaygroundCell> {
  return {
    status: result.errorKind === null ? 'done' : 'failed',
    text: result.responseText ?? '',
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    costUsd: result.costUsd,
    latencyMs: result.totalMs,
    cached: result.cached,
    error: result.errorMessage,
  }
}
