import { AppError, type MethodOutput, type ParsedInput } from '../../../../../shared/contract'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { RunResult } from '../../../../../shared/domain/runs'
import type { CoreContext } from '../../context'
import { readSnapshotCases } from '../../snapshot-cases'
import { toScoreOutcome } from './outcome'
import { createCodeSandbox } from './sandbox'
import type { CodeScorerInput } from './input'

type TryInput = ParsedInput<'suites.tryCodeScorer'>
type TryOutput = MethodOutput<'suites.tryCodeScorer'>

/**
 * What a code scorer receives for one stored result: the answer text (null when the call failed), the case's
 * vars and expected fields, the tool calls and the facts a business rule may read (metadata).
 */
export function codeScorerInputOf(result: RunResult, c: DatasetCase): CodeScorerInput {
  return {
    output: result.responseText,
    context: {
      vars: c.vars,
      expected: c.expected,
      toolCalls: result.toolCalls,
      metadata: {
        caseKey: c.key,
        tags: c.tags,
        provider: result.provider,
        model: result.modelId,
        promptVersionId: result.promptVersionId,
        costUsd: result.costUsd,
        latencyMs: result.cached ? null : result.totalMs,
        cached: result.cached,
      },
    },
  }
}

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
  const sandbox = createCodeSandbox({
    timeMs: request.timeLimitMs,
    memoryBytes: request.memoryLimitMb * 1024 * 1024,
  })
  const raw = await sandbox.run(request.source, input)
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
