import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '../api'
import { createQueryClient, invalidateOnChange, rpcQueryOptions } from '../api/query'
import { createAppStore, type AppStore } from './app/app-store'
import { createConnectionStore, type ConnectionStore } from './app/connection-store'
import { createBaselinesStores, type BaselinesStores } from './baselines'
import { createProductionStores, type ProductionStores } from './production'
import type { DatasetLocation, PromptLocation } from './app/location'
import type { RouteId } from './app/routes'
import { createCasesStore, type CasesStore } from './cases/cases-store'
import { createCaseEditStore, type CaseEditStore } from './datasets/case-edit-store'
import { createCaseOpsStore, type CaseOpsStore } from './datasets/case-ops-store'
import { createCaseTableStore, followVarNames, type CaseTableStore } from './datasets/case-table-store'
import { createDatasetsStore, type DatasetsStore } from './datasets/datasets-store'
import { createDetailStore, type DetailStore } from './datasets/detail-store'
import { createDuplicatesStore, type DuplicatesStore } from './datasets/duplicates-store'
import { createImportStore, type ImportStore } from './datasets/import-store'
import { createSnapshotDiffStore, type SnapshotDiffStore } from './datasets/snapshot-diff-store'
import { createCompareStore, type CompareStore } from './compare/compare-store'
import { createDiffStore, type DiffStore } from './diff/diff-store'
import { createFilesStore, type FilesStore } from './files/files-store'
import { createNavigation, type Navigation } from './navigation'
import { createNewPromptStore, type NewPromptStore } from './new-prompt/new-prompt-store'
import { createPreviewStore, previewDelayMs, type PreviewStore } from './preview/preview-store'
import { createPromptsStore, promptsTables, type PromptsStore } from './prompts/prompts-store'
import { createPromotionStore, type PromotionStore } from './registry/promotion-store'
import { createRollbackStore, type RollbackStore } from './registry/rollback-store'
import { createNewRunStore, type NewRunStore } from './runs/new-run-store'
import { createResultsStore, liveRefreshMs, type ResultsStore } from './runs/results-store'
import { createRunsStore, type RunsStore } from './runs/runs-store'
import { createRunFeed, type RunFeed } from '../queries/run-feed'
import { cachedSuite } from '../queries/suite'
import { createQueuesStore, type QueuesStore } from './review/queues-store'
import { createSessionStore, type SessionStore } from './review/session-store'
import { createSuiteStore, type SuiteStore } from './scoring/suite-store'
import { createSummaryStore, type SummaryStore } from './scoring/summary-store'
import { refetchDelayMs, watchTables } from './watch-tables'

export interface Stores {
  /** The typed client: query functions and mutations call it (through RpcClientContext). */
  client: ApiClient
  /** Server state: contract answers keyed `[method, input]`, invalidated by `db.changed`. */
  queries: QueryClient
  app: AppStore
  /** Whether the core can be reached; the shell's banner reads it. */
  connection: ConnectionStore
  prompts: PromptsStore
  datasets: DatasetsStore
  newPrompt: NewPromptStore
  preview: PreviewStore
  cases: CasesStore
  diff: DiffStore
  promotion: PromotionStore
  rollback: RollbackStore
  files: FilesStore
  datasetDetail: DetailStore
  caseTable: CaseTableStore
  caseEdit: CaseEditStore
  caseOps: CaseOpsStore
  datasetImport: ImportStore
  snapshotDiff: SnapshotDiffStore
  duplicates: DuplicatesStore
  runs: RunsStore
  /** Live progress laid over the cached run list, and the list's query options. */
  runFeed: RunFeed
  results: ResultsStore
  newRun: NewRunStore
  suite: SuiteStore
  summary: SummaryStore
  queues: QueuesStore
  session: SessionStore
  compare: CompareStore
  baselines: BaselinesStores
  production: ProductionStores
  nav: Navigation
  /** The prompt part of the address the app started with; boot opens it. */
  initialPrompt: PromptLocation | null
  /** The dataset part of the address the app started with (`#/datasets/<id>/diff/1..2`); boot opens it. */
  initialDataset: DatasetLocation | null
  /** The run named in the address the app started with (`#/runs/<id>`); boot shows it. */
  initialRun: string | null
  /** The review queue named in the address the app started with (`#/review/<id>`); boot opens it. */
  initialQueue: string | null
  /** The runs named in the address the app started with (`#/compare?runs=a,b`); boot adds them. */
  initialCompareRuns: readonly string[]
  /** Stops listening to core events and drops pending timers (tests, hot reload). */
  dispose(): void
}

export interface StoresOptions {
  initialRoute?: RouteId
  /** The prompt, tab, version or diff named in the address at startup (`#/prompts/<id>/diff/3..5`). */
  initialPrompt?: PromptLocation | null
  initialDataset?: DatasetLocation | null
  initialRun?: string | null
  initialQueue?: string | null
  initialCompareRuns?: readonly string[]
  refetchDelayMs?: number
  previewDelayMs?: number
  /** How long the run form waits after a change before asking for an estimate. */
  estimateDelayMs?: number
  /** How often progress events are merged into the run list (0: at once). */
  progressFlushMs?: number
  /**
   * While a run writes results (a batch every few hundred ms), the run list and the visible results page
   * are refetched at most once per this many ms; progress events keep the numbers live in between.
   */
  liveRefreshMs?: number
}

/** One store per concern, built on one client, each refetching when the tables it shows change. */
export function createStores(client: ApiClient, options: StoresOptions = {}): Stores {
  const delay = options.refetchDelayMs ?? refetchDelayMs
  const app = createAppStore(client, options.initialRoute)
  const connection = createConnectionStore(client)
  const prompts = createPromptsStore(client)
  const datasets = createDatasetsStore()
  const show = prompts.getState().actions.adopt
  const newPrompt = createNewPromptStore(client, show)
  const preview = createPreviewStore(client, options.previewDelayMs ?? previewDelayMs)
  const cases = createCasesStore()
  const diff = createDiffStore(client)
  const promotion = createPromotionStore()
  const rollback = createRollbackStore(client)
  const files = createFilesStore(client, show)
  const queries = createQueryClient()
  const caseTable = createCaseTableStore(client, queries)
  const caseEdit = createCaseEditStore(client, (c) => caseTable.getState().actions.replaceCase(c))
  const caseOps = createCaseOpsStore(client)
  const datasetImport = createImportStore(client, options.previewDelayMs)
  const snapshotDiff = createSnapshotDiffStore()
  const duplicates = createDuplicatesStore()
  const runs = createRunsStore()
  const datasetDetail = createDetailStore(client, queries)
  const runFeed = createRunFeed(client, queries, options.progressFlushMs)
  const results = createResultsStore()
  const suite = createSuiteStore((promptId) => cachedSuite(queries, promptId))
  const summary = createSummaryStore()
  const queues = createQueuesStore(client, queries)
  const session = createSessionStore(client)
  const compare = createCompareStore()
  const baselines = createBaselinesStores(client, delay)
  const production = createProductionStores(client, delay)
  const newRun = createNewRunStore(client, {
    ...(options.estimateDelayMs !== undefined ? { delayMs: options.estimateDelayMs } : {}),
    onStarted: (run) => {
      runFeed.adopt(run)
      runs.getState().actions.select(run.id)
    },
  })
  const nav = createNavigation({
    client,
    queries,
    runFeed,
    app,
    prompts,
    diff,
    datasetDetail,
    caseTable,
    caseEdit,
    snapshotDiff,
    duplicates,
    runs,
    newRun,
    queues,
    compare,
  })
  const liveRefresh = options.liveRefreshMs ?? liveRefreshMs
  const watch = (tables: readonly string[], refetch: () => Promise<void>) =>
    watchTables(client, tables, () => void refetch(), delay)
  const unwatch = [
    invalidateOnChange(client, queries, { delayMs: delay, intervalMs: liveRefresh }),
    watch(promptsTables, () => prompts.getState().actions.refresh()),
    followVarNames(caseTable, queries),
  ]
  return {
    client,
    queries,
    app,
    connection,
    prompts,
    datasets,
    newPrompt,
    preview,
    cases,
    diff,
    promotion,
    rollback,
    files,
    datasetDetail,
    caseTable,
    caseEdit,
    caseOps,
    datasetImport,
    snapshotDiff,
    duplicates,
    runs,
    runFeed,
    results,
    newRun,
    suite,
    summary,
    queues,
    session,
    compare,
    baselines,
    production,
    nav,
    initialPrompt: options.initialPrompt ?? null,
    initialDataset: options.initialDataset ?? null,
    initialRun: options.initialRun ?? null,
    initialQueue: options.initialQueue ?? null,
    initialCompareRuns: options.initialCompareRuns ?? [],
    dispose: () => {
      unwatch.forEach((off) => off())
      connection.dispose()
      baselines.dispose()
      production.dispose()
      preview.getState().actions.cancel()
      newRun.getState().actions.cancel()
      runFeed.dispose()
      queries.clear()
    },
  }
}

/**
 * Startup: app.status, then the first screen's data (and the prompt the address names); `phase`
 * becomes 'ready' only after both, which is what `data-app-state="ready"` (and every e2e test) waits on.
 */
export async function boot(
  stores: Pick<
    Stores,
    | 'app'
    | 'prompts'
    | 'client'
    | 'queries'
    | 'runFeed'
    | 'queues'
    | 'nav'
    | 'initialPrompt'
    | 'initialDataset'
    | 'initialRun'
    | 'initialQueue'
    | 'initialCompareRuns'
  >,
): Promise<void> {
  const { actions, route } = stores.app.getState()
  const status = await actions.loadStatus()
  if (status?.state !== 'ready') return
  // Every screen: the header offers to resume runs the last session left interrupted.
  const runs = stores.queries.prefetchQuery(stores.runFeed.listOptions)
  if (route === 'runs') {
    await runs
    if (stores.initialRun) await stores.nav.openRun(stores.initialRun)
  }
  if (route === 'prompts') {
    await stores.prompts.getState().actions.ensureLoaded()
    if (stores.initialPrompt) await stores.nav.openPrompt(stores.initialPrompt)
  }
  if (route === 'datasets') {
    await stores.queries.prefetchQuery(rpcQueryOptions(stores.client, 'datasets.list', {}))
    if (stores.initialDataset) await stores.nav.datasets.apply(stores.initialDataset)
  }
  if (route === 'review') {
    await stores.queries.prefetchQuery(rpcQueryOptions(stores.client, 'queues.list', {}))
    if (stores.initialQueue) await stores.nav.openQueue(stores.initialQueue)
  }
  if (route === 'compare' && stores.initialCompareRuns.length > 0) {
    await stores.nav.openCompare(stores.initialCompareRuns)
  }
  actions.markReady()
}
