import type { ApiClient } from '../api'

export const refetchDelayMs = 100

/**
 * Calls `onChange` once, `delayMs` after the last `db.changed` event that names one of `tables`: a burst
 * of batched writes (a run saving results) costs one refetch, not one per batch. A reconnect counts as a
 * change of every table: events were missed while the core could not be reached.
 */
export function watchTables(
  client: ApiClient,
  tables: readonly string[],
  onChange: () => void,
  delayMs = refetchDelayMs,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const changed = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      onChange()
    }, delayMs)
  }
  const off = client.on('db.changed', ({ tables: names }) => {
    if (names.some((table) => tables.includes(table))) changed()
  })
  const offReconnect = client.onReconnected(changed)
  return () => {
    off()
    offReconnect()
    clearTimeout(timer)
  }
}

/**
 * Like watchTables, but a steady stream of changes (a run writing results every few hundred ms) still
 * calls `onChange` once per `intervalMs` instead of waiting for a quiet moment that never comes. The last
 * change is always followed by a call.
 */
export function throttleTables(
  client: ApiClient,
  tables: readonly string[],
  onChange: () => void,
  intervalMs: number,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = Number.NEGATIVE_INFINITY
  const changed = (): void => {
    if (timer !== undefined) return
    const wait = Math.max(0, last + intervalMs - Date.now())
    timer = setTimeout(() => {
      timer = undefined
      last = Date.now()
      onChange()
    }, wait)
  }
  const off = client.on('db.changed', ({ tables: names }) => {
    if (names.some((table) => tables.includes(table))) changed()
  })
  const offReconnect = client.onReconnected(changed)
  return () => {
    off()
    offReconnect()
    clearTimeout(timer)
  }
}
