import { AppError } from '../../../../shared/contract'
import type { DatasetCase, DatasetSnapshot } from '../../../../shared/domain/datasets'
import type { ProductionCall, ProductionFormat } from '../../../../shared/domain/production'
import type { ModelRef, PromptSummary, PromptVersion } from '../../../../shared/domain/prompts'
import type { Run, RunResult } from '../../../../shared/domain/runs'
import { distinctModels } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../context'
import { datasetDetail } from '../datasets/detail'
import type { ImportedCase } from '../datasets/files'
import { storeImport } from '../datasets/import'
import { insertDataset } from '../datasets/registry'
import { createSnapshot } from '../datasets/snapshot'
import type { StoredProductionImport } from '../db/repos/production'
import { newId } from '../ids'
import { renderMessages } from '../prompts/templates'

export interface SampledLog {
  prompt: PromptSummary
  versions: ReadonlyMap<number, PromptVersion>
  fileName: string
  format: ProductionFormat
  total: number
  sampled: readonly ProductionCall[]
  sampleRate: number
  periodStart: string | null
  periodEnd: string | null
}

/** A run plan holds at most this many models (runPlanSchema). */
const MAX_MODELS = 20

export const productionDatasetName = (promptName: string): string => `Production · ${promptName}`

/** Writes the whole import; runs inside one write transaction. */
export function storeProductionImport(ctx: CoreContext, log: SampledLog): StoredProductionImport {
  const datasetId = productionDataset(ctx, log)
  const snapshot = snapshotOf(ctx, datasetId, log.fileName)
  const cases = new Map(ctx.repos.datasetCases.all(datasetId).map((c) => [c.key, c]))
  const run = insertRun(ctx, log, datasetId, snapshot)
  for (const call of log.sampled) {
    ctx.repos.runResults.insert(resultOf(run, call, requireCase(cases, call), versionOf(log, call)))
  }
  const stored: StoredProductionImport = {
    id: newId('pimp'),
    promptId: log.prompt.id,
    fileName: log.fileName,
    format: log.format,
    importedAt: run.createdAt,
    importedBy: ctx.user,
    total: log.total,
    sampled: log.sampled.length,
    sampleRate: log.sampleRate,
    periodStart: log.periodStart,
    periodEnd: log.periodEnd,
    runId: run.id,
    datasetId,
    scoredSuiteVersion: null,
  }
  ctx.repos.production.insertImport(stored)
  ctx.repos.audit.append({
    at: run.createdAt,
    actor: ctx.user,
    action: 'production.imported',
    entityType: 'prompt',
    entityId: log.prompt.id,
    details: {
      importId: stored.id,
      fileName: log.fileName,
      format: log.format,
      total: log.total,
      sampled: stored.sampled,
      runId: run.id,
      datasetId,
      snapshotId: snapshot.id,
    },
  })
  return stored
}

/** The prompt's production dataset (made on the first import); its working copy becomes this sample. */
function productionDataset(ctx: CoreContext, log: SampledLog): string {
  const name = productionDatasetName(log.prompt.name)
  const datasetId =
    ctx.repos.datasets.findByName(name)?.id ??
    insertDataset(ctx, {
      name,
      description: `Sampled production calls of "${log.prompt.name}"; each import replaces the cases.`,
    })
  const cases: ImportedCase[] = log.sampled.map((call) => ({
    key: call.externalId,
    vars: call.vars,
    expected: {},
    expectedOutput: null,
    tags: [...new Set([...call.tags, 'source:production'])],
    notes: `Logged ${call.at}`,
  }))
  storeImport(
    ctx,
    { fileName: log.fileName, format: log.format, cases, excluded: [], generatedKeys: false },
    { kind: 'existing', datasetId, mode: 'replace' },
  )
  return datasetId
}

/** The same sample imported again changes nothing: its run then reads the existing snapshot. */
function snapshotOf(ctx: CoreContext, datasetId: string, fileName: string): DatasetSnapshot {
  const latest = ctx.repos.snapshots.latest(datasetId)
  if (latest && !datasetDetail(ctx.repos, datasetId).changedSinceSnapshot) return latest
  return createSnapshot(ctx, datasetId, `Production sample ${fileName}`)
}

function insertRun(ctx: CoreContext, log: SampledLog, datasetId: string, snapshot: DatasetSnapshot): Run {
  const at = ctx.now()
  const versionIds = [...new Set(log.sampled.map((c) => versionOf(log, c).id))]
  const models = uniqueModels(log)
  const errors = log.sampled.filter((c) => c.error !== null).length
  const spentUsd = log.sampled.reduce((sum, c) => sum + (c.costUsd ?? 0), 0)
  const run: Run = {
    id: newId('run'),
    name: `Production sample ${log.fileName}`,
    status: 'completed',
    plan: { promptVersionIds: versionIds, models, datasetId, repeats: 1, useCache: true, mode: 'stream' },
    datasetSnapshotId: snapshot.id,
    // The costs are the log's own figures; no price was applied, so none is frozen.
    priceTable: [],
    createdAt: at,
    startedAt: at,
    finishedAt: at,
    createdBy: ctx.user,
    counts: { total: log.sampled.length, done: log.sampled.length, errors, cached: 0, spentUsd },
    canary: null,
    failure: null,
  }
  ctx.repos.runs.insert(run)
  return run
}

function uniqueModels(log: SampledLog): ModelRef[] {
  const models = distinctModels(log.sampled.map((c) => ({ provider: c.provider, model: c.model })))
  if (models.length > MAX_MODELS) {
    throw new AppError(
      'INVALID_INPUT',
      `${log.fileName}: the sample names ${models.length} models; a run holds at most ${MAX_MODELS}. ` +
        'Split the log by model.',
    )
  }
  return models
}

/** The request is rendered as the runner would have sent it, so result views show what the model saw. */
function resultOf(run: Run, call: ProductionCall, c: DatasetCase, version: PromptVersion): RunResult {
  return {
    runId: run.id,
    caseId: c.id,
    promptVersionId: version.id,
    promptHash: version.contentHash,
    provider: call.provider,
    modelId: call.model,
    repeat: 0,
    params: version.params,
    toolCalls: call.toolCalls,
    steps: null,
    batch: false,
    request: { messages: renderMessages(version.messages, c).messages, params: version.params },
    responseText: call.output,
    finishReason:
      call.error !== null || call.output === null ? null : call.toolCalls.length > 0 ? 'tool_calls' : 'stop',
    inputTokens: call.inputTokens,
    outputTokens: call.outputTokens,
    cachedTokens: null,
    costUsd: call.costUsd,
    ttftMs: null,
    totalMs: call.latencyMs,
    attempts: 1,
    attemptLog: [],
    errorKind: call.error === null ? null : 'production',
    errorMessage: call.error,
    cached: false,
    // The call's own time, not the import's: the timeline groups a sample's results by the day of the call.
    createdAt: call.at,
  }
}

function versionOf(log: SampledLog, call: ProductionCall): PromptVersion {
  const version = log.versions.get(call.promptVersion)
  // The parser checked every version number against the prompt; reaching here is a programming error.
  if (!version) throw new AppError('INTERNAL', `Prompt version ${call.promptVersion} vanished during import`)
  return version
}

function requireCase(cases: ReadonlyMap<string, DatasetCase>, call: ProductionCall): DatasetCase {
  const c = cases.get(call.externalId)
  if (!c) throw new AppError('INTERNAL', `Case "${call.externalId}" was not stored`)
  return c
}
