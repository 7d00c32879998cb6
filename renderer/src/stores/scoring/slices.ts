import type { Run } from '../../../../shared/domain/runs'
import type { Baseline, GateResult, SliceKey } from '../../../../shared/domain/scoring'
import { sameSlice, sliceId, sliceOf } from '../../../../shared/lib/model-identity'

// One key per (prompt version × provider/model) of a run, to key per-slice state: shared with the core.
export { sameSlice, sliceId }

export const sliceKeyOf = (slice: SliceKey): SliceKey => sliceOf(slice)

/** The prompt's baseline for the run's dataset snapshot, if one is set. */
export function baselineFor(
  baselines: readonly Baseline[] | undefined,
  run: Pick<Run, 'datasetSnapshotId'>,
): Baseline | null {
  return baselines?.find((b) => b.datasetSnapshotId === run.datasetSnapshotId) ?? null
}

/** True when this slice of this run is the prompt's baseline on the run's snapshot. */
export function isBaselineSlice(
  baselines: readonly Baseline[] | undefined,
  run: Pick<Run, 'id' | 'datasetSnapshotId'>,
  slice: SliceKey,
): boolean {
  const baseline = baselineFor(baselines, run)
  return baseline !== null && baseline.runId === run.id && sameSlice(baseline.slice, slice)
}

/** The newest gate result per slice of `runId`, from a prompt's gate history (any order). */
export function latestGatesOf(results: readonly GateResult[], runId: string): Map<string, GateResult> {
  const latest = new Map<string, GateResult>()
  for (const result of results) {
    if (result.candidateRunId !== runId) continue
    const id = sliceId(result.candidate)
    const known = latest.get(id)
    if (!known || known.createdAt < result.createdAt) latest.set(id, result)
  }
  return latest
}
