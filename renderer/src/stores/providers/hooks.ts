import { useEffect, useMemo } from 'react'
import { modelKey } from '../../../../shared/lib/model-ref'
import { useProviders } from '../hooks'
import { selectKnownModels, selectProvidersActions } from './selectors'

/**
 * "provider/model" for every model a configured provider is known to serve, the workspace's own first:
 * suggestions for a free-text model field, never a limit on what may be typed.
 */
export function useKnownModelKeys(): string[] {
  const known = useProviders(selectKnownModels)
  const { ensureModels } = useProviders(selectProvidersActions)
  useEffect(() => void ensureModels(), [ensureModels])
  return useMemo(() => {
    const keys = (usedOnly: boolean) =>
      known.flatMap((p) =>
        p.models
          .filter((m) => usedOnly !== (m.sources.length === 1 && m.sources[0] === 'price-table'))
          .map((m) => modelKey({ provider: p.provider, model: m.id })),
      )
    return [...keys(true), ...keys(false)]
  }, [known])
}
