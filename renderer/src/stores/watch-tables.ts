import type { ApiClient } from '../api'

export const refetchDelayMs = 100

/**
 * Calls `onChange` once, `delayMs` after the last `db.changed` event that names one of `tables`: a burst
 * of batched writes (a run saving results) costs one refetch, not one per batch.
 */
export function watchTables(
  client: ApiClient,
  tables: readonly string[],
  onChange: () => void,
  delayMs = refetchDelayMs,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const off = client.on('db.changed', ({ tables: changed }) => {
    if (!changed.some((table) => tables.includes(table))) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      onChange()
    }, delayMs)
  })
  return () => {
    off()
    clearTimeout(timer)
  }
}
