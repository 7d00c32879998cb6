import { useIsMutating, useMutationState, useQueryClient } from '@tanstack/react-query'
import type { ErrorInfo } from '../../../shared/contract'
import type { Baseline, GateResult, SliceKey } from '../../../shared/domain/scoring'
import { toErrorInfo } from '../api'
import { rpcQueryKey, useRpcMutation, useRpcQuery } from '../api/query'
import { latestGatesOf, sliceId } from '../stores/scoring/slices'

/** The run scored by its prompts' suites; follows results and scores as a run or a scoring writes them. */
export function useRunSummary(runId: string) {
  return useRpcQuery('runs.summary', { runId })
}

const scoreKey = (runId: string) => ['runs.score', runId] as const

/** runs.score on the stored outputs (never calls the evaluated model); its answer is the new summary. */
export function useScoreRun(runId: string) {
  const queries = useQueryClient()
  return useRpcMutation('runs.score', {
    mutationKey: scoreKey(runId),
    onSuccess: (summary) => queries.setQueryData(rpcQueryKey('runs.summary', { runId }), summary),
  })
}

export interface ScoringState {
  busy: boolean
  /** The refusal of the last scoring of this run, if it failed. */
  error: ErrorInfo | null
}

/** Where scoring this run stands, for every part of the screen that depends on it (sign-off waits for it). */
export function useScoringState(runId: string): ScoringState {
  const busy = useIsMutating({ mutationKey: scoreKey(runId) }) > 0
  const errors = useMutationState({ filters: { mutationKey: scoreKey(runId) }, select: (m) => m.state.error })
  const last = errors[errors.length - 1]
  return { busy, error: last ? toErrorInfo(last) : null }
}

/** A prompt's baselines, one per dataset snapshot; null prompt: nothing to ask. */
export function usePromptBaselines(promptId: string | null) {
  return useRpcQuery('baselines.list', promptId ? { promptId } : null)
}

/** The newest stored gate result of one slice of `runId`, from the prompt's gate history. */
export function useLatestGate(promptId: string | null, runId: string, slice: SliceKey): GateResult | null {
  const { data } = useRpcQuery('gates.list', promptId ? { promptId } : null)
  return data ? (latestGatesOf(data, runId).get(sliceId(slice)) ?? null) : null
}

/** The later of two gate results of one slice (an evaluation just made, or the stored history). */
export function newerGate(
  a: GateResult | null | undefined,
  b: GateResult | null | undefined,
): GateResult | null {
  if (!a) return b ?? null
  if (!b) return a
  return a.createdAt >= b.createdAt ? a : b
}

/** baselines.set; the list is updated at once with the answer, then refetched by its db.changed. */
export function useSetBaseline(promptId: string | null) {
  const queries = useQueryClient()
  return useRpcMutation('baselines.set', {
    onSuccess: (baseline) => {
      if (!promptId) return
      queries.setQueryData<Baseline[]>(rpcQueryKey('baselines.list', { promptId }), (list) => [
        ...(list ?? []).filter((b) => b.datasetSnapshotId !== baseline.datasetSnapshotId),
        baseline,
      ])
    },
  })
}

export function useEvaluateGate() {
  return useRpcMutation('gates.evaluate')
}

export const errorOf = (error: Error | null): ErrorInfo | null => (error ? toErrorInfo(error) : null)
