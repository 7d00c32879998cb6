import { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import {
  expectedCorrectionSchema,
  type CorrectionOrigin,
  type CorrectionTarget,
  type ExpectedChange,
  type ExpectedCorrection,
} from '../../../../shared/domain/corrections'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { Run } from '../../../../shared/domain/runs'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import type { Repos } from '../db/repos'
import { caseFields } from '../db/case-hash'
import { auditDataset, requireDataset, type DatasetContext } from './detail'

/** The audit action a correction is recorded under; the snapshot diff reads these entries back. */
export const correctionAction = 'case.expected_corrected'

export interface CorrectionRequest extends ExpectedChange {
  runId: string
  caseId: string
  reason: string
  origin: CorrectionOrigin
}

/**
 * Writes a corrected expected value to the working copy of the dataset a run's case came from, with an audit
 * entry naming who, why and the run. Refused when the case left the working copy, or when its expected value
 * changed since the run (the person correcting saw the run's value, not the current one).
 * Writes: the caller runs it inside one `.immediate()` transaction.
 */
export function correctExpected(ctx: DatasetContext, request: CorrectionRequest): ExpectedCorrection {
  const run = requireRun(ctx.repos, request.runId)
  const { runCase, datasetId } = caseOfRun(ctx.repos, run, request.caseId)
  const working = requireCorrectable(ctx.repos, { run, runCase, datasetId }, request)
  const { field, value } = request
  const expected = { ...working.expected, [field]: value }
  ctx.repos.datasetCases.update({
    ...caseFields(working),
    expected,
    id: working.id,
    position: working.position,
  })
  const correction: ExpectedCorrection = {
    caseId: working.id,
    key: working.key,
    field,
    ...(Object.hasOwn(working.expected, field)
      ? { before: working.expected[field] as z.core.util.JSONType }
      : {}),
    after: value,
    reason: request.reason.trim(),
    runId: run.id,
    runName: run.name,
    origin: request.origin,
    snapshotNumber: ctx.repos.snapshots.latest(datasetId)?.number ?? 0,
    by: ctx.user,
    at: ctx.now(),
  }
  ctx.repos.datasets.touch(datasetId, correction.at)
  auditDataset(ctx, correctionAction, datasetId, correction)
  return correction
}

interface RunCase {
  run: Run
  runCase: DatasetCase
  datasetId: string
}

/** The working case, when it is still there and its expected field is still what the run saw. */
function requireCorrectable(repos: Repos, { run, runCase, datasetId }: RunCase, request: CorrectionRequest) {
  const dataset = requireDataset(repos, datasetId)
  const [working] = repos.datasetCases.byIds([request.caseId])
  if (!working || working.datasetId !== datasetId) {
    throw new AppError(
      'NOT_FOUND',
      `Case "${runCase.key}" is no longer in the working copy of "${dataset.name}": it was deleted after run "${run.name}". Add it back in the dataset, then correct its expected value there.`,
      { caseId: request.caseId },
    )
  }
  const { field, value } = request
  const seen = valueText(runCase.expected, field)
  const now = valueText(working.expected, field)
  if (seen !== now) {
    throw new AppError(
      'CONFLICT',
      `The expected "${field}" of case "${working.key}" changed since run "${run.name}" (${seen ?? 'none'} then, ${now ?? 'none'} now): open the case in "${dataset.name}" and edit it there.`,
      { caseId: request.caseId, field },
    )
  }
  if (now === canonicalJson(value)) {
    throw new AppError(
      'INVALID_INPUT',
      `The expected "${field}" of case "${working.key}" is already ${now}: enter a different value.`,
      { field },
    )
  }
  return working
}

/** The case of a run as the run saw it and as the working copy has it now. */
export function correctionTarget(repos: Repos, runId: string, caseId: string): CorrectionTarget {
  const { runCase, datasetId } = caseOfRun(repos, requireRun(repos, runId), caseId)
  const dataset = requireDataset(repos, datasetId)
  const [working] = repos.datasetCases.byIds([caseId])
  return {
    datasetId,
    datasetName: dataset.name,
    caseKey: runCase.key,
    expected: runCase.expected,
    working: working && working.datasetId === datasetId ? working.expected : null,
  }
}

function requireRun(repos: Repos, runId: string): Run {
  const run = repos.runs.get(runId)
  if (!run) throw new AppError('NOT_FOUND', `No run with id ${runId}`)
  return run
}

/** The run's copy of the case (what the result was scored against) and the dataset it belongs to. */
function caseOfRun(repos: Repos, run: Run, caseId: string): { runCase: DatasetCase; datasetId: string } {
  const snapshot = repos.snapshots.get(run.datasetSnapshotId)
  const runCase = snapshot ? repos.snapshots.allCases(snapshot.id).find((c) => c.id === caseId) : undefined
  if (!snapshot || !runCase) {
    throw new AppError('NOT_FOUND', `Run "${run.name}" has no case with id ${caseId}`, { caseId })
  }
  return { runCase, datasetId: snapshot.datasetId }
}

const valueText = (expected: Record<string, unknown>, field: string): string | undefined =>
  Object.hasOwn(expected, field) ? canonicalJson(expected[field]) : undefined

/**
 * The corrections made after snapshot `fromNumber` and, when `toNumber` is given, before that snapshot was
 * taken; oldest first.
 */
export function correctionsBetween(
  repos: Repos,
  datasetId: string,
  fromNumber: number,
  toNumber: number | null,
): ExpectedCorrection[] {
  return repos.audit
    .forEntityAction('dataset', datasetId, correctionAction)
    .map((entry) => parseCorrection(entry.id, entry.details))
    .filter((c) => c.snapshotNumber >= fromNumber && (toNumber === null || c.snapshotNumber < toNumber))
}

function parseCorrection(entryId: number, details: string): ExpectedCorrection {
  const parsed = expectedCorrectionSchema.safeParse(JSON.parse(details))
  if (!parsed.success) {
    throw new AppError(
      'INTERNAL',
      `Audit entry ${entryId} (a corrected expected value) is not readable: ${z.prettifyError(parsed.error)}`,
    )
  }
  return parsed.data
}
