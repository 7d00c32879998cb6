import { AppError } from '../../../../shared/contract'
import type { PlaygroundSession, PlaygroundStart } from '../../../../shared/domain/playground'
import type { Run } from '../../../../shared/domain/runs'
import type { CoreContext } from '../context'
import type { EventBus } from '../events'
import { newId } from '../ids'
import { pricedProvider, priceTableFor } from '../llm/cost'
import type { LlmOptions } from '../llm/options'
import type { ProviderSettings } from '../llm/providers/settings'
import type { CodeSandbox } from '../scoring/code'
import type { ScoringDeps } from '../scoring/deps'
import { createFastScorer } from './fast-scores'
import { saveSessionAsRun, type SaveRequest } from './save-run'
import { cellPlan, queuedCell, runSession, type LiveSession } from './session'
import { resolveCases, resolveTarget } from './target'

/** Finished sessions kept for "Save as run"; older ones are forgotten (nothing of them was stored). */
const KEPT_SESSIONS = 20

export interface PlaygroundOptions extends Pick<LlmOptions, 'retryPolicy' | 'timeoutMs'>, ScoringDeps {
  /** For tests: the code scorers' sandbox; a worker per session otherwise. */
  sandbox?: CodeSandbox
}

/** Owns the playground sessions of this process: each a few calls in the background, cancellable. */
export class PlaygroundManager {
  private readonly sessions = new Map<string, LiveSession>()

  constructor(
    private readonly ctx: CoreContext,
    private readonly bus: EventBus,
    private readonly options: PlaygroundOptions = {},
  ) {}

  /** Checks the version, cases and providers, then returns while the calls go on. */
  async start(start: PlaygroundStart): Promise<PlaygroundSession> {
    const target = resolveTarget(this.ctx, start)
    const cases = resolveCases(this.ctx, start.cases)
    const settings = new Map<string, ProviderSettings>()
    // Unknown providers and missing keys are said now, once, not as one failed cell per case.
    for (const { provider } of start.models) settings.set(provider, this.ctx.llm.settings(provider))
    const priceTable = await priceTableFor(start.models, {
      overrides: this.ctx.repos.priceOverrides.list(),
      providers: new Map([...settings].map(([name, s]) => [name, pricedProvider(s)])),
    })
    const id = newId('play')
    const plan = cellPlan(cases, start.models)
    const session: LiveSession = {
      view: {
        id,
        promptId: target.base.promptId,
        promptVersionId: target.base.id,
        fromDraft: target.fromDraft,
        status: 'running',
        cells: plan.map((cell, i) => queuedCell(i, cell.case.key, cell.model)),
        savedRunId: null,
      },
      start,
      target,
      cases,
      priceTable,
      results: plan.map(() => null),
      abort: new AbortController(),
      done: Promise.resolve(),
    }
    const scorer = createFastScorer(this.ctx, target.base.id, this.options.sandbox)
    session.done = runSession(session, { ctx: this.ctx, bus: this.bus, options: this.options, scorer })
    this.keep(session)
    return structuredClone(session.view)
  }

  get(sessionId: string): PlaygroundSession {
    return structuredClone(this.require(sessionId).view)
  }

  /** Stops the calls still out; answers already in stay (and can be saved). */
  async cancel(sessionId: string): Promise<PlaygroundSession> {
    const session = this.require(sessionId)
    session.abort.abort()
    await session.done
    return structuredClone(session.view)
  }

  async save(request: SaveRequest): Promise<Run> {
    const session = this.require(request.sessionId)
    const run = await saveSessionAsRun(this.ctx, session, request, this.options)
    session.view.savedRunId = run.id
    return run
  }

  /** The core is closing: calls still out are cut off; nothing was stored for them. */
  close(): void {
    for (const session of this.sessions.values()) session.abort.abort()
  }

  private keep(session: LiveSession): void {
    this.sessions.set(session.view.id, session)
    for (const [id, s] of this.sessions) {
      if (this.sessions.size <= KEPT_SESSIONS) break
      if (s.view.status !== 'running') this.sessions.delete(id)
    }
  }

  private require(sessionId: string): LiveSession {
    const session = this.sessions.get(sessionId)
    if (!session) {
      throw new AppError(
        'NOT_FOUND',
        'This playground session is no longer held (the app restarted or it is too old): run it again.',
      )
    }
    return session
  }
}
