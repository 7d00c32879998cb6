import { AppError } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { Run, RunResult } from '../../../../shared/domain/runs'
import type { EvalSuite } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import type { StoredScore } from '../db/repos/run-scores'
import { identityOf, sameIdentity } from '../../../../shared/lib/model-identity'
import { newId } from '../ids'
import { renderMessages } from '../prompts/templates'
import { suiteMetrics } from '../scoring/metrics'
import { bundlePaths, type BaselineFile, type ResultLine } from './format'
import { priceTableFromRecord } from './price-table'

export interface RunImportInput {
  baseline: BaselineFile
  results: readonly ResultLine[]
  version: PromptVersion
  datasetId: string
  snapshotId: string
  /** The snapshot's cases by key: results name cases by key, rows by id. */
  cases: ReadonlyMap<string, DatasetCase>
  suite: EvalSuite
}

/**
 * The baseline run: found when this workspace already holds it (same snapshot, name, creation time and
 * slice: an earlier import or the run the folder was exported from), else written as a completed run with
 * one result per line and the lines' scores under the current suite's scorer fingerprints, so summaries and
 * gates read them like scores the workspace computed itself.
 */
export function importRun(ctx: CoreContext, input: RunImportInput): { run: Run; added: boolean } {
  const found = existingRun(ctx, input)
  if (found) return { run: found, added: false }
  const run = newRun(input)
  ctx.repos.runs.insert(run)
  const createdAt = run.finishedAt ?? run.createdAt
  const hashes = new Map(suiteMetrics(ctx.repos, input.suite).map((m) => [m.metric, m.hash]))
  input.results.forEach((line, index) => {
    const c = caseFor(input, line, index)
    ctx.repos.runResults.insert(resultRow(input, run.id, c, line, createdAt))
    for (const score of scoreRows(input, run.id, c.id, line, hashes, createdAt)) {
      ctx.repos.runScores.insert(score)
    }
  })
  return { run, added: true }
}

function existingRun(ctx: CoreContext, input: RunImportInput): Run | null {
  const { run } = input.baseline
  return (
    ctx.repos.runs
      .list()
      .find(
        (r) =>
          r.datasetSnapshotId === input.snapshotId &&
          r.name === run.name &&
          r.createdAt === run.createdAt &&
          r.plan.promptVersionIds.includes(input.version.id) &&
          r.plan.models.some((m) => sameIdentity(identityOf(m), input.baseline)),
      ) ?? null
  )
}

function newRun(input: RunImportInput): Run {
  const { baseline, results } = input
  const errors = results.filter((r) => r.error !== null).length
  const spentUsd = results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0)
  return {
    id: newId('run'),
    name: baseline.run.name,
    status: 'completed',
    plan: {
      promptVersionIds: [input.version.id],
      models: [{ provider: baseline.provider, model: baseline.modelId }],
      datasetId: input.datasetId,
      repeats: Math.max(0, ...results.map((r) => r.repeat)) + 1,
      useCache: true,
      mode: 'stream',
    },
    datasetSnapshotId: input.snapshotId,
    priceTable: priceTableFromRecord(baseline.run.priceTable),
    createdAt: baseline.run.createdAt,
    startedAt: baseline.run.createdAt,
    finishedAt: baseline.run.finishedAt,
    createdBy: baseline.run.createdBy,
    counts: { total: results.length, done: results.length, errors, cached: 0, spentUsd },
    canary: null,
    failure: null,
  }
}

function caseFor(input: RunImportInput, line: ResultLine, index: number): DatasetCase {
  const c = input.cases.get(line.case)
  if (!c) {
    throw new AppError(
      'INVALID_INPUT',
      `${bundlePaths.results}: line ${index + 1}: case: "${line.case}" is not in the dataset`,
    )
  }
  return c
}

/** The request is rebuilt exactly as the runner renders it (same template, vars and params). */
function resultRow(
  input: RunImportInput,
  runId: string,
  c: DatasetCase,
  line: ResultLine,
  createdAt: string,
): RunResult {
  const { version, baseline } = input
  return {
    runId,
    caseId: c.id,
    promptVersionId: version.id,
    promptHash: version.contentHash,
    provider: baseline.provider,
    modelId: baseline.modelId,
    repeat: line.repeat,
    params: version.params,
    toolCalls: line.toolCalls ?? [],
    batch: false,
    steps: line.steps ?? null,
    request: { messages: renderMessages(version.messages, c).messages, params: version.params },
    responseText: line.output,
    finishReason: line.finishReason,
    inputTokens: line.inputTokens,
    outputTokens: line.outputTokens,
    cachedTokens: line.cachedTokens,
    costUsd: line.costUsd,
    ttftMs: line.ttftMs,
    totalMs: line.totalMs,
    attempts: line.attempts,
    attemptLog: [],
    errorKind: line.error?.kind ?? null,
    errorMessage: line.error?.message ?? null,
    cached: false,
    createdAt,
  }
}

function scoreRows(
  input: RunImportInput,
  runId: string,
  caseId: string,
  line: ResultLine,
  hashes: ReadonlyMap<string, string>,
  createdAt: string,
): StoredScore[] {
  return Object.entries(line.scores).flatMap(([metric, s]) => {
    const scorerHash = hashes.get(metric)
    if (scorerHash === undefined) return []
    return [
      {
        runId,
        caseId,
        promptVersionId: input.version.id,
        provider: input.baseline.provider,
        modelId: input.baseline.modelId,
        repeat: line.repeat,
        metric,
        scorerHash,
        ...s,
        details: { importedFrom: bundlePaths.results },
        createdAt,
      },
    ]
  })
}
