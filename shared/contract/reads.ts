import { methods, type MethodSpec } from './methods'
import type { MethodName } from './names'

/**
 * Every table the answers of these methods are read from (each method's `reads`): what a screen showing
 * them must watch. A method without `reads` contributes nothing, so declare it before watching it.
 */
export function readsOf(...names: readonly MethodName[]): string[] {
  const tables = new Set<string>()
  for (const name of names) {
    const spec: MethodSpec = methods[name]
    for (const table of spec.reads ?? []) tables.add(table)
  }
  return [...tables].sort()
}
