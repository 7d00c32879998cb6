import { AppError } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { Run, RunResult } from '../../../../shared/domain/runs'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import { writeTransaction, type CoreContext } from '../context'
import { addCase } from '../datasets/cases'
import { insertDataset } from '../datasets/registry'
import { newId } from '../ids'
import { takeSnapshot } from '../runs/take-snapshot'
import type { ScoringDeps } from '../scoring/deps'
import { scoreResults } from '../scoring/score-run'
import type { LiveSession } from './session'

export interface SaveRequest {
  sessionId: string
  /** For a session of unsaved edits: the version they were saved as. */
  promptVersionId?: string | undefined
  name?: string | undefined
}

/** Typed cases of a prompt are kept here when saved, so the run has the immutable snapshot every run has. */
export const playgroundDatasetName = (promptName: string): string => `Playground · ${promptName}`

/**
 * Stores the session as a completed run of an immutable version: the answers, tokens, cost and latency as
 * they came, on a snapshot of the cases' dataset, then scored like any run (format, rules, code: no judges,
 * which a full run adds). Cancelled cells have no row, as in a cancelled run.
 */
export async function saveSessionAsRun(
  ctx: CoreContext,
  session: LiveSession,
  request: SaveRequest,
  deps: ScoringDeps,
): Promise<Run> {
  refuseUnsaveable(session)
  const version = versionToRecord(ctx, session, request.promptVersionId)
  const { datasetId, caseIds } = writeTransaction(ctx, () => datasetOf(ctx, session))
  requireUnchanged(ctx, session, caseIds)
  const snapshot = await takeSnapshot(ctx, datasetId)
  const prompt = ctx.repos.prompts.get(version.promptId)
  const name = request.name ?? `Playground · ${prompt?.name ?? 'prompt'} v${version.number}`
  const run = writeTransaction(ctx, () => {
    const stored = insertRun(ctx, session, { version, datasetId, snapshotId: snapshot.id, name, caseIds })
    ctx.repos.audit.append({
      at: stored.createdAt,
      actor: ctx.user,
      action: 'playground.saved',
      entityType: 'run',
      entityId: stored.id,
      details: {
        name,
        promptVersionId: version.id,
        fromDraft: session.view.fromDraft,
        results: stored.counts.total,
      },
    })
    return stored
  })
  await scoreResults(ctx, run.id, { judges: false }, deps)
  return ctx.repos.runs.get(run.id) ?? run
}

function refuseUnsaveable(session: LiveSession): void {
  if (session.view.status === 'running')
    throw new AppError('CONFLICT', 'The playground is still answering: wait for it, or cancel it, then save.')
  if (session.view.savedRunId !== null)
    throw new AppError('CONFLICT', `These answers are already saved as run ${session.view.savedRunId}.`)
  if (session.results.every((r) => r === null))
    throw new AppError('INVALID_INPUT', 'No answer came back (every call was cancelled): run it again first.')
}

/** A run records an immutable version: unsaved edits must have been saved as exactly what ran. */
function versionToRecord(
  ctx: CoreContext,
  session: LiveSession,
  versionId: string | undefined,
): PromptVersion {
  const { base, tried, fromDraft } = session.target
  if (!fromDraft) {
    if (versionId !== undefined && versionId !== base.id)
      throw new AppError(
        'INVALID_INPUT',
        `These answers came from v${base.number}; they can only be saved as its run.`,
      )
    return base
  }
  if (versionId === undefined) {
    throw new AppError(
      'INVALID_INPUT',
      'These answers came from unsaved edits: save the edits as a version first, then save the run.',
    )
  }
  const version = ctx.repos.prompts.versionById(versionId)
  const same = (v: Pick<PromptVersion, 'messages' | 'params'>) => canonicalJson([v.messages, v.params])
  if (!version || version.promptId !== base.promptId || same(version) !== same(tried)) {
    throw new AppError(
      'INVALID_INPUT',
      `${version ? `v${version.number}` : 'That version'} is not what the playground ran: run the playground on it again, then save.`,
    )
  }
  return version
}

interface CaseHome {
  datasetId: string
  /** The stored case id of each case the session ran, by the id it ran under. */
  caseIds: Map<string, string>
}

function datasetOf(ctx: CoreContext, session: LiveSession): CaseHome {
  const cases = session.start.cases
  if (cases.kind === 'dataset')
    return { datasetId: cases.datasetId, caseIds: new Map(session.cases.map((c) => [c.id, c.id])) }
  const promptName = ctx.repos.prompts.get(session.target.base.promptId)?.name ?? 'prompt'
  const name = playgroundDatasetName(promptName)
  const datasetId =
    ctx.repos.datasets.findByName(name)?.id ??
    insertDataset(ctx, { name, description: `Cases typed in the playground of "${promptName}".` })
  const caseIds = new Map<string, string>()
  for (const c of session.cases) {
    const stored = addCase(ctx, datasetId, {
      vars: c.vars,
      expected: {},
      expectedOutput: null,
      tags: ['source:playground'],
      notes: `Typed in the playground by ${ctx.user}`,
    })
    caseIds.set(c.id, stored.id)
  }
  return { datasetId, caseIds }
}

/** A picked case edited or deleted since it ran would make the run claim answers to a case nobody sent. */
function requireUnchanged(ctx: CoreContext, session: LiveSession, caseIds: Map<string, string>): void {
  if (session.start.cases.kind === 'typed') return
  const now = new Map(ctx.repos.datasetCases.byIds([...caseIds.values()]).map((c) => [c.id, c]))
  for (const ran of session.cases) {
    const current = now.get(ran.id)
    if (!current || canonicalJson(sentOf(current)) !== canonicalJson(sentOf(ran))) {
      throw new AppError(
        'CONFLICT',
        `Case "${ran.key}" was ${current ? 'edited' : 'deleted'} since the playground ran it: run it again, then save.`,
      )
    }
  }
}

const sentOf = (c: DatasetCase) => ({ key: c.key, vars: c.vars, conversation: c.conversation ?? null })

interface RunPlace {
  version: PromptVersion
  datasetId: string
  snapshotId: string
  name: string
  caseIds: Map<string, string>
}

function insertRun(ctx: CoreContext, session: LiveSession, place: RunPlace): Run {
  const at = ctx.now()
  const id = newId('run')
  const results = session.results.flatMap((r) => (r ? [asRunResult(r, id, place)] : []))
  const run: Run = {
    id,
    name: place.name,
    status: 'completed',
    plan: {
      promptVersionIds: [place.version.id],
      models: session.start.models,
      datasetId: place.datasetId,
      repeats: 1,
      useCache: true,
      mode: 'stream',
    },
    datasetSnapshotId: place.snapshotId,
    priceTable: session.priceTable,
    createdAt: at,
    startedAt: at,
    finishedAt: at,
    createdBy: ctx.user,
    counts: {
      total: results.length,
      done: results.length,
      errors: results.filter((r) => r.errorKind !== null).length,
      cached: results.filter((r) => r.cached).length,
      spentUsd: results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0),
    },
    canary: null,
    failure: null,
  }
  ctx.repos.runs.insert(run)
  for (const r of results) ctx.repos.runResults.insert(r)
  return run
}

function asRunResult(r: RunResult, runId: string, place: RunPlace): RunResult {
  return {
    ...r,
    runId,
    caseId: place.caseIds.get(r.caseId) ?? r.caseId,
    promptVersionId: place.version.id,
    promptHash: place.version.contentHash,
  }
}
