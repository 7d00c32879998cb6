export { createQueryClient } from './query-client'
export { defaultTiming, invalidateOnChange, type InvalidationTiming } from './invalidation'
export { methodKey, readsMeet, rpcQueryKey, type RpcQueryKey } from './rpc-key'
export {
  RpcClientContext,
  rpcQueryOptions,
  useRpcClient,
  useRpcMutation,
  useRpcQuery,
  type RpcMutationOptions,
  type RpcQueryOptions,
} from './hooks'
