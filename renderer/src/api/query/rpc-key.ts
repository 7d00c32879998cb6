import type { Query } from '@tanstack/react-query'
import {
  isMethodName,
  methods,
  type MethodInput,
  type MethodName,
  type MethodSpec,
  type TableName,
} from '../../../../shared/contract'

/** A query's key is the contract method and its input: the cache holds one answer per call. */
export type RpcQueryKey<M extends MethodName = MethodName> = readonly [M, MethodInput<M>]

export function rpcQueryKey<M extends MethodName>(method: M, input: MethodInput<M>): RpcQueryKey<M> {
  return [method, input] as const
}

/** Every query of one method (whatever its input), e.g. to seed or drop them after a write. */
export function methodKey<M extends MethodName>(method: M): readonly [M] {
  return [method] as const
}

/**
 * Whether a query shows data read from one of `changed`: its method declares the tables it `reads`. A
 * method that declares none is refetched on every change — never stale, at worst fetched once too often.
 * Queries not keyed by a contract method are left alone.
 */
export function readsMeet(
  changed: ReadonlySet<TableName> | 'all',
): (query: Pick<Query, 'queryKey'>) => boolean {
  return (query) => {
    const method = query.queryKey[0]
    if (!isMethodName(method)) return false
    if (changed === 'all') return true
    const spec: MethodSpec = methods[method]
    const reads = spec.reads
    if (!reads) return true
    return reads.some((table) => changed.has(table))
  }
}
