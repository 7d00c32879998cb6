import type { QueryClient } from '@tanstack/react-query'
import type { Run, RunProgress } from '../../../shared/domain/runs'
import type { ApiClient } from '../api'
import { rpcQueryKey } from '../api/query'
import { applyEvents, keepNewest, newestFirst, overlayLive, type LiveProgress } from '../stores/runs/progress'

/** The run list, newest first: one query for the list screen, the pickers and the header's offer. */
export const runListKey = rpcQueryKey('runs.list', {})

/** The last progress event per run. Not a contract method: only events write it, db.changed leaves it. */
export const liveKey = ['runs.progress'] as const

export type LiveByRun = Readonly<Record<string, LiveProgress>>

/** Progress events are merged into the list at most this often (a status change goes through at once). */
export const progressFlushMs = 200

export interface RunFeed {
  /** The run list query: its answer carries the events that arrived after it was asked for. */
  listOptions: { queryKey: typeof runListKey; queryFn: () => Promise<Run[]> }
  /** A run the core just returned (started, controlled): shown in the list at once. */
  adopt: (run: Run) => void
  /** Stops listening and drops a pending merge (tests, hot reload). */
  dispose: () => void
}

/**
 * Live progress over the cached run list: `runs.progress` events are buffered and laid over the cached
 * list (`setQueryData`) at most every `flushMs`. Progress never moves back: a list reply that left before an
 * event gets the events stamped after its request laid over it again, a run the cache holds further along
 * is kept, and a buffered event older than the list it lands on is dropped (replies and events travel on
 * separate channels over HTTP + SSE, so either can arrive first).
 */
export function createRunFeed(client: ApiClient, queries: QueryClient, flushMs = progressFlushMs): RunFeed {
  let stamp = 0
  let pending: Record<string, LiveProgress> = {}
  let timer: ReturnType<typeof setTimeout> | undefined
  const live = (): LiveByRun => queries.getQueryData<LiveByRun>(liveKey) ?? {}
  const list = (): Run[] | undefined => queries.getQueryData<Run[]>(runListKey)

  const flush = (): void => {
    clearTimeout(timer)
    timer = undefined
    const events = pending
    pending = {}
    if (Object.keys(events).length === 0) return
    queries.setQueryData<LiveByRun>(liveKey, (was) => ({ ...was, ...events }))
    queries.setQueryData<Run[]>(runListKey, (runs) => (runs ? applyEvents(runs, events) : runs))
  }
  const knownStatus = (id: string) =>
    pending[id]?.status ?? list()?.find((r) => r.id === id)?.status ?? live()[id]?.status

  const off = client.on('runs.progress', (progress: RunProgress) => {
    stamp += 1
    const changed = knownStatus(progress.runId) !== progress.status
    pending[progress.runId] = { ...progress, stamp }
    if (changed || flushMs <= 0) flush()
    else timer ??= setTimeout(flush, flushMs)
  })

  return {
    listOptions: {
      queryKey: runListKey,
      queryFn: async () => {
        const sentAt = stamp
        const runs = await client.call('runs.list', {})
        return newestFirst(keepNewest(overlayLive(runs, live(), sentAt), list()))
      },
    },
    adopt(run) {
      stamp += 1
      delete pending[run.id]
      queries.setQueryData<LiveByRun>(liveKey, (was) => {
        const next = { ...was }
        delete next[run.id]
        return next
      })
      queries.setQueryData<Run[]>(runListKey, (runs) =>
        runs ? newestFirst([run, ...runs.filter((r) => r.id !== run.id)]) : runs,
      )
    },
    dispose() {
      off()
      clearTimeout(timer)
      timer = undefined
      pending = {}
    },
  }
}
