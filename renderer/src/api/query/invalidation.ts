import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '../client'
import { ChangeSet } from './change-set'

export interface InvalidationTiming {
  /** Waits this long after a change, so a burst of writes costs one refetch. */
  delayMs: number
  /**
   * At most one refetch per this many ms: a run writing results every few hundred ms never leaves a quiet
   * moment, yet what is shown still follows it. The last change is always followed by a refetch.
   */
  intervalMs: number
}

export const defaultTiming: InvalidationTiming = { delayMs: 100, intervalMs: 1000 }

/**
 * The one `db.changed` listener: invalidates the queries whose method `reads` one of the changed tables.
 * Only queries a screen shows are refetched at once; the others are refetched when shown again. A change
 * naming its runs leaves the queries of other runs alone. A reconnect invalidates every query: events were
 * missed while the core could not be reached.
 */
export function invalidateOnChange(
  client: ApiClient,
  queries: QueryClient,
  timing: InvalidationTiming = defaultTiming,
): () => void {
  let pending = new ChangeSet()
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = Number.NEGATIVE_INFINITY
  const flush = (): void => {
    timer = undefined
    last = Date.now()
    const changed = pending
    pending = new ChangeSet()
    void queries.invalidateQueries({ predicate: changed.touches() })
  }
  const schedule = (): void => {
    if (timer !== undefined) return
    const wait = Math.max(timing.delayMs, last + timing.intervalMs - Date.now())
    timer = setTimeout(flush, wait)
  }
  const off = client.on('db.changed', ({ tables, runIds }) => {
    pending.add(tables, runIds)
    schedule()
  })
  const offReconnect = client.onReconnected(() => {
    pending.addAll()
    schedule()
  })
  return () => {
    off()
    offReconnect()
    clearTimeout(timer)
  }
}
