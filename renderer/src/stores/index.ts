import type { ApiClient } from '../api'
import { createAppStore, type AppStore } from './app/app-store'
import type { RouteId } from './app/routes'
import { createDatasetsStore, datasetsTables, type DatasetsStore } from './datasets/datasets-store'
import { createPromptsStore, promptsTables, type PromptsStore } from './prompts/prompts-store'
import { refetchDelayMs, watchTables } from './watch-tables'

export interface Stores {
  app: AppStore
  prompts: PromptsStore
  datasets: DatasetsStore
  /** Stops listening to core events (tests, hot reload). */
  dispose(): void
}

export interface StoresOptions {
  initialRoute?: RouteId
  refetchDelayMs?: number
}

/** One store per domain, built on one client, each refetching when the tables it shows change. */
export function createStores(client: ApiClient, options: StoresOptions = {}): Stores {
  const delay = options.refetchDelayMs ?? refetchDelayMs
  const app = createAppStore(client, options.initialRoute)
  const prompts = createPromptsStore(client)
  const datasets = createDatasetsStore(client)
  const unwatch = [
    watchTables(client, promptsTables, () => void prompts.getState().actions.refresh(), delay),
    watchTables(client, datasetsTables, () => void datasets.getState().actions.refresh(), delay),
  ]
  return { app, prompts, datasets, dispose: () => unwatch.forEach((off) => off()) }
}

/**
 * Startup: app.status, then the first screen's data; `phase` becomes 'ready' only after both, which is
 * what `data-app-state="ready"` (and every e2e test) waits on.
 */
export async function boot(stores: Pick<Stores, 'app' | 'prompts' | 'datasets'>): Promise<void> {
  const { actions, route } = stores.app.getState()
  const status = await actions.loadStatus()
  if (status?.state !== 'ready') return
  if (route === 'prompts') await stores.prompts.getState().actions.ensureLoaded()
  if (route === 'datasets') await stores.datasets.getState().actions.ensureLoaded()
  actions.markReady()
}
