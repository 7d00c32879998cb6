import { useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ErrorInfo } from '../../../shared/contract'
import type { Run } from '../../../shared/domain/runs'
import { toErrorInfo } from '../api'
import { useRpcClient } from '../api/query'
import { useStores } from '../stores/hooks'
import type { RunControl } from '../stores/runs/progress'
import { liveKey, type LiveByRun, type RunFeed } from './run-feed'

const noRuns: readonly Run[] = []

function useRunFeed(): RunFeed {
  return useStores().runFeed
}

/** Every run, newest first, following progress events; refetched when runs change (throttled). */
export function useRunList() {
  const query = useQuery(useRunFeed().listOptions)
  return { runs: query.data ?? noRuns, query, error: query.error ? toErrorInfo(query.error) : null }
}

/** One run of the list (null until the list has it). */
export function useRun(id: string | null): Run | null {
  const { data } = useQuery({
    ...useRunFeed().listOptions,
    select: (runs: Run[]) => (id ? (runs.find((r) => r.id === id) ?? null) : null),
  })
  return data ?? null
}

/** Interrupted runs the user has not dismissed, newest first. */
export function useInterruptedRuns(dismissed: readonly string[]): readonly Run[] {
  const { data } = useQuery({
    ...useRunFeed().listOptions,
    select: (runs: Run[]) => runs.filter((r) => r.status === 'interrupted' && !dismissed.includes(r.id)),
  })
  return data ?? noRuns
}

/** The last progress event of a run (rate and time left), or null before the first. */
export function useLiveProgress(id: string) {
  const queries = useQueryClient()
  // Only events write it: `initialData` makes it fresh from the start, so no fetch races an event.
  const { data } = useQuery({
    queryKey: liveKey,
    queryFn: () => queries.getQueryData<LiveByRun>(liveKey) ?? {},
    initialData: {},
    staleTime: Number.POSITIVE_INFINITY,
    select: (live: LiveByRun) => live[id] ?? null,
  })
  return data ?? null
}

const controlKey = ['runs.control'] as const

export interface ControlInput {
  id: string
  action: RunControl
}

/** Pause, cancel or resume; the core's answer replaces the run in the list at once. */
export function useControlRun() {
  const client = useRpcClient()
  const feed = useRunFeed()
  return useMutation({
    mutationKey: controlKey,
    mutationFn: ({ id, action }: ControlInput) => client.call(`runs.${action}`, { id }),
    onSuccess: (run) => feed.adopt(run),
  })
}

export interface ControlState {
  runId: string | null
  action: RunControl | null
  status: 'idle' | 'busy' | 'error'
  error: ErrorInfo | null
}

const controlIdle: ControlState = { runId: null, action: null, status: 'idle', error: null }

/**
 * Where the last pause/cancel/resume stands. A refusal made before `since` (the user has moved to another
 * run since) is no longer shown.
 */
export function useControlState(since: number): ControlState {
  const states = useMutationState({
    filters: { mutationKey: controlKey },
    select: (m) => ({
      input: m.state.variables as ControlInput | undefined,
      status: m.state.status,
      error: m.state.error,
      at: m.state.submittedAt,
    }),
  })
  const last = states[states.length - 1]
  if (!last?.input) return controlIdle
  const { id, action } = last.input
  if (last.status === 'pending') return { runId: id, action, status: 'busy', error: null }
  if (last.status === 'error' && last.error && last.at >= since)
    return { runId: id, action, status: 'error', error: toErrorInfo(last.error) }
  return controlIdle
}
