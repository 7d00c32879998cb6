import { rpcQueryOptions } from '../api/query'
import { fetchDatasetList } from '../queries/datasets'
import type { AppState } from './app/app-store'
import { addRunsToCompare } from './compare/compare-address'
import type { AppLocation, DiffPair, PromptLocation, PromptTab } from './app/location'
import {
  createDatasetNavigation,
  datasetLocationOf,
  type DatasetNavigation,
  type DatasetNavStores,
} from './datasets/dataset-navigation'
import type { DatasetDetail } from '../../../shared/domain/datasets'
import type { DetailState } from './datasets/detail-store'
import type { SnapshotDiffState } from './datasets/snapshot-diff-store'
import type { DiffState } from './diff/diff-store'
import type { Stores } from './index'
import type { PromptsState } from './prompts/prompts-store'
import { selectIsReadOnly } from './prompts/selectors'
import type { QueuesState } from './review/queues-store'
import type { RunsState } from './runs/runs-store'

/** Moves that span stores (open a prompt on a tab, compare two versions); components call these. */
export interface Navigation {
  /** Applies a parsed address: screen, prompt, version, tab and diff pair. */
  apply: (location: AppLocation) => Promise<void>
  openPrompt: (location: PromptLocation) => Promise<void>
  setTab: (tab: PromptTab) => void
  /** Shows `versionNumber` of the open prompt in the editor tab (null: the latest). */
  openVersion: (versionNumber: number | null) => Promise<void>
  openDiff: (promptId: string, pair: DiffPair) => Promise<void>
  /** Shows a run on the runs screen (null: none selected) once the run list has loaded. */
  openRun: (runId: string | null) => Promise<void>
  /**
   * The runs screen's new-run form on a prompt version, with the version and its pinned model checked and
   * the first dataset chosen: "Run" from the prompt the user is looking at.
   */
  newRunFrom: (from: { promptId: string; versionNumber: number }) => Promise<void>
  /**
   * The new-run form with the first prompt and dataset chosen, once both lists have loaded (a form begun
   * before the datasets arrived would start with none chosen).
   */
  startNewRun: () => Promise<void>
  /** Shows a review queue on the review screen (null: the queue list) once the queues have loaded. */
  openQueue: (queueId: string | null) => Promise<void>
  /** The compare screen with these runs added (to those already there) and their slices picked. */
  openCompare: (runIds: readonly string[]) => Promise<void>
  /** The datasets screen: list, one dataset, a snapshot diff. */
  datasets: DatasetNavigation
}

type NavStores = Pick<
  Stores,
  'client' | 'queries' | 'runFeed' | 'app' | 'prompts' | 'diff' | 'runs' | 'newRun' | 'queues' | 'compare'
> &
  DatasetNavStores

export function createNavigation(stores: NavStores): Navigation {
  const prompts = () => stores.prompts.getState()

  const nav: Navigation = {
    datasets: createDatasetNavigation(stores),

    async apply(location) {
      if (location.route === 'datasets') return nav.datasets.apply(location.dataset)
      stores.app.getState().actions.navigate(location.route)
      if (location.route === 'runs') return nav.openRun(location.run ?? null)
      if (location.route === 'review') return nav.openQueue(location.queue ?? null)
      if (location.route === 'compare') return nav.openCompare(location.compareRuns ?? [])
      if (location.route !== 'prompts') return
      await prompts().actions.ensureLoaded()
      if (location.prompt) await nav.openPrompt(location.prompt)
    },

    async openPrompt({ promptId, tab, version, diff }) {
      await prompts().actions.select(promptId, tab === 'editor' ? version : undefined)
      if (prompts().selectedId !== promptId) return
      prompts().actions.setTab(tab)
      if (tab === 'diff' && diff) await stores.diff.getState().actions.open(promptId, diff)
    },

    setTab: (tab) => prompts().actions.setTab(tab),

    async openVersion(versionNumber) {
      prompts().actions.setTab('editor')
      await prompts().actions.viewVersion(versionNumber)
    },

    async openRun(runId) {
      const runs = stores.runs.getState().actions
      await stores.queries.prefetchQuery(stores.runFeed.listOptions)
      const shown = stores.runs.getState()
      if (runId === shown.selectedId && shown.mode === 'detail') return
      // "#/runs" is also the address of an open new-run form: applying it must not close the form.
      if (runId === null && shown.mode === 'new') return
      runs.select(runId)
    },

    async newRunFrom({ promptId, versionNumber }) {
      stores.app.getState().actions.navigate('runs')
      const datasets = await fetchDatasetList(stores.client, stores.queries)
      const datasetId = datasets[0]?.id ?? null
      stores.newRun.getState().actions.begin({ promptId, versionNumber, datasetId })
      stores.runs.getState().actions.openNew()
    },

    async startNewRun() {
      const [, datasets] = await Promise.all([
        prompts().actions.ensureLoaded(),
        fetchDatasetList(stores.client, stores.queries),
      ])
      const promptId = prompts().list[0]?.id ?? null
      const datasetId = datasets[0]?.id ?? null
      stores.newRun.getState().actions.begin({ promptId, datasetId })
      stores.runs.getState().actions.openNew()
    },

    async openQueue(queueId) {
      await stores.queries.prefetchQuery(rpcQueryOptions(stores.client, 'queues.list', {}))
      stores.queues.getState().actions.select(queueId)
    },

    async openCompare(runIds) {
      stores.app.getState().actions.navigate('compare')
      if (runIds.length > 0) await addRunsToCompare(stores, runIds)
    },

    async openDiff(promptId, pair) {
      if (prompts().selectedId !== promptId) await prompts().actions.select(promptId)
      if (prompts().selectedId !== promptId) return
      prompts().actions.setTab('diff')
      await stores.diff.getState().actions.open(promptId, pair)
    },
  }
  return nav
}

/** The screens whose state the address reflects. */
export interface LocationSources {
  app: AppState
  prompts: PromptsState
  diff: DiffState
  datasetDetail: DetailState
  /** The open dataset's detail when loaded: the address names snapshots by number. */
  datasetShown: DatasetDetail | null
  snapshotDiff: SnapshotDiffState
  runs: RunsState
  queues: QueuesState
}

/** The address of what is on screen; `parseHash(formatHash(locationOf(...)))` reopens it. */
export function locationOf({
  app,
  prompts,
  diff,
  datasetDetail,
  datasetShown,
  snapshotDiff,
  runs,
  queues,
}: LocationSources): AppLocation {
  if (app.route === 'review') {
    const queue = queues.selectedId
    return queue ? { route: app.route, prompt: null, queue } : { route: app.route, prompt: null }
  }
  if (app.route === 'runs') {
    const run = runs.mode === 'detail' ? runs.selectedId : null
    return run ? { route: app.route, prompt: null, run } : { route: app.route, prompt: null }
  }
  if (app.route === 'datasets') {
    const dataset = datasetLocationOf(datasetDetail, snapshotDiff, datasetShown)
    return dataset ? { route: app.route, prompt: null, dataset } : { route: app.route, prompt: null }
  }
  const promptId = prompts.selectedId
  if (app.route !== 'prompts' || !promptId) return { route: app.route, prompt: null }
  const tab = prompts.tab
  if (tab === 'diff') {
    const pair = diff.promptId === promptId ? diff.pair : null
    return { route: app.route, prompt: pair ? { promptId, tab, diff: pair } : { promptId, tab } }
  }
  if (tab === 'editor' && prompts.detail?.prompt.id === promptId && selectIsReadOnly(prompts)) {
    return { route: app.route, prompt: { promptId, tab, version: prompts.detail.version.number } }
  }
  return { route: app.route, prompt: { promptId, tab } }
}
