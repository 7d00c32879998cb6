import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/contract'
import type { ApiClient } from '../client'
import { rpcQueryKey, type RpcQueryKey } from './rpc-key'

export const RpcClientContext = createContext<ApiClient | null>(null)

/** The typed client: only query functions and mutations call it, never a component directly. */
export function useRpcClient(): ApiClient {
  const client = useContext(RpcClientContext)
  if (!client) throw new Error('RpcClientContext is missing: render inside <App stores={...}>')
  return client
}

/** The options of one contract call as a query, for `useQueries`, `fetchQuery` and `prefetchQuery`. */
export function rpcQueryOptions<M extends MethodName>(client: ApiClient, method: M, input: MethodInput<M>) {
  return {
    queryKey: rpcQueryKey(method, input),
    queryFn: (): Promise<MethodOutput<M>> => client.call(method, input),
  }
}

export interface RpcQueryOptions<M extends MethodName, T> {
  select?: (data: MethodOutput<M>) => T
  /** Keeps showing the last answer while the one for a new input loads (paging, not filtering). */
  keepPrevious?: boolean
}

/**
 * One contract call as a cached query keyed `[method, input]`; `input` null means there is nothing to ask
 * yet. It is refetched when a `db.changed` names a table the method `reads` (see invalidation.ts).
 */
export function useRpcQuery<M extends MethodName, T = MethodOutput<M>>(
  method: M,
  input: MethodInput<M> | null,
  options: RpcQueryOptions<M, T> = {},
): UseQueryResult<T, Error> {
  const client = useRpcClient()
  return useQuery<MethodOutput<M>, Error, T, RpcQueryKey<M>>({
    queryKey: rpcQueryKey(method, input as MethodInput<M>),
    queryFn: input === null ? skipToken : () => client.call(method, input),
    ...(options.select ? { select: options.select } : {}),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  })
}

export type RpcMutationOptions<M extends MethodName> = Omit<
  UseMutationOptions<MethodOutput<M>, Error, MethodInput<M>>,
  'mutationFn'
>

/**
 * One contract write. Screens showing what it wrote refresh through the `db.changed` the core emits for
 * the method's `writes`, whichever transport the write came through, so no mutation refetches by hand.
 */
export function useRpcMutation<M extends MethodName>(
  method: M,
  options: RpcMutationOptions<M> = {},
): UseMutationResult<MethodOutput<M>, Error, MethodInput<M>> {
  const client = useRpcClient()
  return useMutation({ mutationKey: [method], ...options, mutationFn: (input) => client.call(method, input) })
}
