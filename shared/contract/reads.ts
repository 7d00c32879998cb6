import { methods, type MethodSpec } from './methods'
import type { MethodName } from './names'
import type { TableName } from './tables'

/**
 * Every table the answers of these methods are read from (each method's `reads`): what a screen showing
 * them must watch. A method without `reads` contributes nothing, so declare it before watching it.
 */
export function readsOf(...names: readonly MethodName[]): TableName[] {
  const tables = new Set<TableName>()
  for (const name of names) {
    const spec: MethodSpec = methods[name]
    for (const table of spec.reads ?? []) tables.add(table)
  }
  return [...tables].sort()
}
