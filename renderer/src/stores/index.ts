import type { ApiClient } from '../api'
import { createAppStore, type AppStore } from './app/app-store'
import type { PromptLocation } from './app/location'
import type { RouteId } from './app/routes'
import { casesTables, createCasesStore, type CasesStore } from './cases/cases-store'
import { createDatasetsStore, datasetsTables, type DatasetsStore } from './datasets/datasets-store'
import { createDiffStore, type DiffStore } from './diff/diff-store'
import { createFilesStore, type FilesStore } from './files/files-store'
import { createNavigation, type Navigation } from './navigation'
import { createNewPromptStore, type NewPromptStore } from './new-prompt/new-prompt-store'
import { createPreviewStore, previewDelayMs, type PreviewStore } from './preview/preview-store'
import { createPromptsStore, promptsTables, type PromptsStore } from './prompts/prompts-store'
import { createHistoryStore, historyTables, type HistoryStore } from './registry/history-store'
import { createPromotionStore, promotionTables, type PromotionStore } from './registry/promotion-store'
import { createRollbackStore, type RollbackStore } from './registry/rollback-store'
import { refetchDelayMs, watchTables } from './watch-tables'

export interface Stores {
  app: AppStore
  prompts: PromptsStore
  datasets: DatasetsStore
  newPrompt: NewPromptStore
  preview: PreviewStore
  cases: CasesStore
  diff: DiffStore
  history: HistoryStore
  promotion: PromotionStore
  rollback: RollbackStore
  files: FilesStore
  nav: Navigation
  /** The prompt part of the address the app started with; boot opens it. */
  initialPrompt: PromptLocation | null
  /** Stops listening to core events and drops pending timers (tests, hot reload). */
  dispose(): void
}

export interface StoresOptions {
  initialRoute?: RouteId
  /** The prompt, tab, version or diff named in the address at startup (`#/prompts/<id>/diff/3..5`). */
  initialPrompt?: PromptLocation | null
  refetchDelayMs?: number
  previewDelayMs?: number
}

/** One store per concern, built on one client, each refetching when the tables it shows change. */
export function createStores(client: ApiClient, options: StoresOptions = {}): Stores {
  const delay = options.refetchDelayMs ?? refetchDelayMs
  const app = createAppStore(client, options.initialRoute)
  const prompts = createPromptsStore(client)
  const datasets = createDatasetsStore(client)
  const show = prompts.getState().actions.adopt
  const newPrompt = createNewPromptStore(client, show)
  const preview = createPreviewStore(client, options.previewDelayMs ?? previewDelayMs)
  const cases = createCasesStore(client)
  const diff = createDiffStore(client)
  const history = createHistoryStore(client)
  const promotion = createPromotionStore(client)
  const rollback = createRollbackStore(client)
  const files = createFilesStore(client, show)
  const nav = createNavigation({ app, prompts, diff })
  const watch = (tables: readonly string[], refetch: () => Promise<void>) =>
    watchTables(client, tables, () => void refetch(), delay)
  const unwatch = [
    watch(promptsTables, () => prompts.getState().actions.refresh()),
    watch(datasetsTables, () => datasets.getState().actions.refresh()),
    watch(casesTables, () => cases.getState().actions.refresh()),
    watch(historyTables, () => history.getState().actions.refresh()),
    watch(promotionTables, () => promotion.getState().actions.recheck()),
  ]
  return {
    app,
    prompts,
    datasets,
    newPrompt,
    preview,
    cases,
    diff,
    history,
    promotion,
    rollback,
    files,
    nav,
    initialPrompt: options.initialPrompt ?? null,
    dispose: () => {
      unwatch.forEach((off) => off())
      preview.getState().actions.cancel()
    },
  }
}

/**
 * Startup: app.status, then the first screen's data (and the prompt the address names); `phase`
 * becomes 'ready' only after both, which is what `data-app-state="ready"` (and every e2e test) waits on.
 */
export async function boot(
  stores: Pick<Stores, 'app' | 'prompts' | 'datasets' | 'nav' | 'initialPrompt'>,
): Promise<void> {
  const { actions, route } = stores.app.getState()
  const status = await actions.loadStatus()
  if (status?.state !== 'ready') return
  if (route === 'prompts') {
    await stores.prompts.getState().actions.ensureLoaded()
    if (stores.initialPrompt) await stores.nav.openPrompt(stores.initialPrompt)
  }
  if (route === 'datasets') await stores.datasets.getState().actions.ensureLoaded()
  actions.markReady()
}
