import type { Query } from '@tanstack/react-query'
import type { TableName } from '../../../../shared/contract'
import { readsMeet } from './rpc-key'

/**
 * The changes gathered between two refetches: tables changed for any row, and tables changed only for some
 * runs' rows (a run writing its results names itself), so a finished run's screens stay as they are while
 * another run writes.
 */
export class ChangeSet {
  private all = false
  private readonly tables = new Set<TableName>()
  private readonly byRun = new Map<string, Set<TableName>>()

  add(tables: readonly TableName[], runIds?: readonly string[]): void {
    if (!runIds) {
      for (const table of tables) this.tables.add(table)
      return
    }
    for (const runId of runIds) {
      const set = this.byRun.get(runId) ?? new Set<TableName>()
      for (const table of tables) set.add(table)
      this.byRun.set(runId, set)
    }
  }

  addAll(): void {
    this.all = true
  }

  /** Whether a query shows data these changes touched: a query of one run is touched by that run's rows only. */
  touches(): (query: Pick<Query, 'queryKey'>) => boolean {
    if (this.all) return readsMeet('all')
    const anyRow = readsMeet(this.tables)
    const perRun = new Map([...this.byRun].map(([runId, tables]) => [runId, readsMeet(tables)]))
    const anyRun = readsMeet(new Set([...this.byRun.values()].flatMap((tables) => [...tables])))
    return (query) => {
      if (anyRow(query)) return true
      const runId = runOfQuery(query.queryKey)
      if (runId === null) return anyRun(query)
      return perRun.get(runId)?.(query) ?? false
    }
  }
}

/** The run a query is about, when its input names one (`runId`, or `id` of a `runs.*` method). */
export function runOfQuery(key: readonly unknown[]): string | null {
  const [method, input] = key
  if (typeof input !== 'object' || input === null) return null
  if ('runId' in input && typeof input.runId === 'string') return input.runId
  const isRunMethod = typeof method === 'string' && method.startsWith('runs.')
  if (isRunMethod && 'id' in input && typeof input.id === 'string') return input.id
  return null
}
