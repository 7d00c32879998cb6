import type { CompareSlice } from '../../../../shared/domain/compare'
import type { SliceSummary } from '../../../../shared/domain/scoring'

/** The compare endpoints take at most this many slices at once. */
export const maxCompareSlices = 12

/** A run's slice as the picker shows it. */
export interface PickableSlice extends CompareSlice {
  id: string
  runName: string
  versionNumber: number
}

export const compareSliceId = (s: CompareSlice): string =>
  `${s.runId}|${s.promptVersionId}|${s.provider}|${s.modelId}`

export function pickableSlices(
  runId: string,
  runName: string,
  slices: readonly SliceSummary[],
): PickableSlice[] {
  return slices.map((s) => {
    const slice = { runId, promptVersionId: s.promptVersionId, provider: s.provider, modelId: s.modelId }
    return { ...slice, id: compareSliceId(slice), runName, versionNumber: s.versionNumber }
  })
}

export const toCompareSlice = (s: CompareSlice): CompareSlice => ({
  runId: s.runId,
  promptVersionId: s.promptVersionId,
  provider: s.provider,
  modelId: s.modelId,
})
