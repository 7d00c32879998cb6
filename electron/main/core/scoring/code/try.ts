import { AppError, type MethodOutput, type ParsedInput } from '../../../../../shared/contract'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { RunResult } from '../../../../../shared/domain/runs'
import type { CoreContext } from '../../context'
import { readSnapshotCases } from '../../snapshot-cases'
import { toScoreOutcome } from './outcome'
import { codeLimits, codeScorerInput } from '../scorers/code'
import { createWorkerSandbox, type WorkerCodeSandbox } from './worker-sandbox'
import type { CodeScorerInput } from './input'
import type { AsyncScorerInput } from '../scorers/async-types'

type TryInput = ParsedInput<'suites.tryCodeScorer'>
type TryOutput = MethodOutput<'suites.tryCodeScorer'>

/**
 * What a code scorer receives for one stored result: built by the scoring pass's own input builder, so the
 * test panel shows exactly the JSON the scorer sees when the suite scores this result.
 */
export function codeScorerInputOf(result: RunResult, c: DatasetCase): CodeScorerInput {
  const failure = result.responseText === null ? (result.errorMessage ?? 'no output') : null
  return codeScorerInput({
    output: result.responseText,
    failure,
    toolCalls: result.toolCalls,
    case: c,
    result: scorerResultOf(result, failure !== null),
  })
}

let shared: WorkerCodeSandbox | null = null
/** One worker sandbox for the panel's calls (idle, it keeps nothing alive); each call has its own limits. */
const sandbox = (): WorkerCodeSandbox => (shared ??= createWorkerSandbox({}, { workers: 1 }))

async function storedResult(ctx: CoreContext, request: TryInput): Promise<[RunResult, DatasetCase]> {
  const run = ctx.repos.runs.get(request.runId)
  if (!run) throw new AppError('NOT_FOUND', `No run with id ${request.runId}`)
  const key = { runId: run.id, ...request.result }
  const result = ctx.repos.resultRows.one(key)
  if (!result)
    throw new AppError(
      'NOT_FOUND',
      `Run "${run.name}" has no result for this case with ${key.provider}/${key.modelId}, repeat ${key.repeat}`,
    )
  const cases = await readSnapshotCases(ctx.repos, run.datasetSnapshotId)
  const c = cases.find((x) => x.id === key.caseId)
  if (!c) throw new AppError('NOT_FOUND', `The run's dataset snapshot has no case ${key.caseId}`)
  return [result, c]
}

/**
 * The editor's test panel: runs a scorer that is not saved yet on one stored result, in a sandbox with the
 * scorer's own limits. Writes nothing and calls no model; a failing scorer comes back as an outcome, not an
 * error, so the panel shows its message.
 */
export async function tryCodeScorer(ctx: CoreContext, request: TryInput): Promise<TryOutput> {
  const [result, c] = await storedResult(ctx, request)
  const input = codeScorerInputOf(result, c)
  const raw = await sandbox().run(request.source, input, codeLimits(request))
  const outcome = toScoreOutcome(raw)
  return {
    outcome: {
      value: outcome.value,
      raw: outcome.raw,
      passed: outcome.passed,
      reason: outcome.reason,
      ...(raw.ok ? {} : { error: raw.kind }),
    },
    input: { output: input.output, context: { ...input.context, expected: input.context.expected ?? null } },
  }
}

/** A stored result as a scorer sees it: a cached answer's time is the cache's and a failed call has none. */
export function scorerResultOf(result: RunResult, failed: boolean): AsyncScorerInput['result'] {
  return {
    caseId: result.caseId,
    promptVersionId: result.promptVersionId,
    provider: result.provider,
    modelId: result.modelId,
    repeat: result.repeat,
    costUsd: result.costUsd,
    latencyMs: result.cached || failed ? null : result.totalMs,
    cached: result.cached,
  }
}
