import { QueryClient } from '@tanstack/react-query'

/**
 * Server state is cached until the core says it changed (`db.changed`, see invalidation.ts): no refetch on
 * focus or on a timer, and no silent retries — a refused or failed call is shown as it is.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Number.POSITIVE_INFINITY,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  })
}
