import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { MethodOutput } from '../../../shared/contract'
import type { PriceOverride, ProviderView } from '../../../shared/domain/providers'
import { modelKey } from '../../../shared/lib/model-ref'
import { toErrorInfo } from '../api'
import { rpcQueryKey, useRpcMutation, useRpcQuery } from '../api/query'

const providersKey = rpcQueryKey('providers.list', {})
const pricesKey = rpcQueryKey('prices.list', {})

/** Configured providers and where keys are kept; `providers` is undefined until loaded (or if it failed). */
export function useProviderList() {
  const query = useRpcQuery('providers.list', {})
  return {
    providers: query.data?.providers,
    secretStore: query.data?.secretStore ?? null,
    query,
    error: query.error ? toErrorInfo(query.error) : null,
  }
}

export function usePrices() {
  return useRpcQuery('prices.list', {})
}

/**
 * "provider/model" for every model a configured provider is known to serve, the workspace's own first:
 * suggestions for a free-text model field, never a limit on what may be typed.
 */
export function useKnownModelKeys(): string[] {
  const { data: known } = useRpcQuery('providers.models', {})
  return useMemo(() => {
    const keys = (usedOnly: boolean) =>
      (known ?? []).flatMap((p) =>
        p.models
          .filter((m) => usedOnly !== (m.sources.length === 1 && m.sources[0] === 'price-table'))
          .map((m) => modelKey({ provider: p.provider, model: m.id })),
      )
    return [...keys(true), ...keys(false)]
  }, [known])
}

type ProviderList = MethodOutput<'providers.list'>

/** The list with `view` in place of the provider of that name (appended when new). */
function withView(list: ProviderList | undefined, view: ProviderView): ProviderList | undefined {
  if (!list) return list
  const others = list.providers.filter((p) => p.name !== view.name)
  const at = list.providers.findIndex((p) => p.name === view.name)
  if (at < 0) return { ...list, providers: [...others, view] }
  const providers = [...list.providers]
  providers[at] = view
  return { ...list, providers }
}

/** providers.save or providers.setKey: the answer replaces the provider at once (db.changed follows). */
export function useSaveProvider() {
  const queries = useQueryClient()
  return useRpcMutation('providers.save', {
    onSuccess: (view) => queries.setQueryData<ProviderList>(providersKey, (l) => withView(l, view)),
  })
}

export function useSetProviderKey() {
  const queries = useQueryClient()
  return useRpcMutation('providers.setKey', {
    onSuccess: (view) => queries.setQueryData<ProviderList>(providersKey, (l) => withView(l, view)),
  })
}

export function useDeleteProvider() {
  const queries = useQueryClient()
  return useRpcMutation('providers.delete', {
    onSuccess: (_, { name }) =>
      queries.setQueryData<ProviderList>(providersKey, (l) =>
        l ? { ...l, providers: l.providers.filter((p) => p.name !== name) } : l,
      ),
  })
}

const samePrice = (
  a: Pick<PriceOverride, 'provider' | 'model'>,
  b: Pick<PriceOverride, 'provider' | 'model'>,
) => a.provider === b.provider && a.model === b.model

export function useSavePrice() {
  const queries = useQueryClient()
  return useRpcMutation('prices.save', {
    onSuccess: (saved) =>
      queries.setQueryData<PriceOverride[]>(pricesKey, (l) =>
        l ? [...l.filter((p) => !samePrice(p, saved)), saved] : l,
      ),
  })
}

export function useDeletePrice() {
  const queries = useQueryClient()
  return useRpcMutation('prices.delete', {
    onSuccess: (_, key) =>
      queries.setQueryData<PriceOverride[]>(pricesKey, (l) => l?.filter((p) => !samePrice(p, key))),
  })
}
