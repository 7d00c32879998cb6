import { createStore, type StoreApi } from 'zustand/vanilla'
import { readsOf, type ErrorInfo, type MethodOutput } from '../../../../shared/contract'
import type { Run, RunProgress } from '../../../../shared/domain/runs'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  submitBusy,
  submitDone,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'
import { applyEvents, newestFirst, overlayLive, type LiveProgress, type RunControl } from './progress'

/** Tables whose change makes the run list stale (a batch of results also rewrites a run's counts). */
export const runsTables = readsOf('runs.list')

/** Progress events are merged into the list at most this often (a status change goes through at once). */
export const progressFlushMs = 200

export interface ControlState {
  runId: string | null
  action: RunControl | null
  status: 'idle' | 'busy' | 'error'
  error: ErrorInfo | null
}

const controlIdle: ControlState = { runId: null, action: null, status: 'idle', error: null }

export type ExportedResults = MethodOutput<'runs.exportResults'>

/** The results export of one run: busy while the file is built, the refusal shown by that run only. */
export type ResultsExportState = SubmitState & { runId: string | null }

export interface RunsActions {
  loadList: () => Promise<void>
  /** Loads once (boot does it so the header can offer to resume); later changes arrive via refresh. */
  ensureLoaded: () => Promise<void>
  refresh: () => Promise<void>
  select: (id: string | null) => void
  openNew: () => void
  closeNew: () => void
  /** A `runs.progress` event: buffered, merged into the list at most every `progressFlushMs`. */
  applyProgress: (progress: RunProgress) => void
  /** Pause, cancel or resume; the core's answer replaces the run, a refusal is shown by the run. */
  control: (id: string, action: RunControl) => Promise<Run | null>
  /** Every result of the run as a CSV or JSONL file; null when it failed (the error is in `exporting`). */
  exportResults: (id: string, format: 'csv' | 'jsonl') => Promise<ExportedResults | null>
  /** A run the core just returned (started, controlled): shown at once, newest first. */
  adopt: (run: Run) => void
  /** Hides the offer to resume these interrupted runs (until another run is interrupted). */
  dismissOffer: (ids: readonly string[]) => void
  /** Drops a pending flush (tests, hot reload). */
  dispose: () => void
}

export interface RunsState {
  list: Run[]
  listLoad: LoadState
  /** The last event per run: calls per second and time left are only known from these. */
  live: Readonly<Record<string, LiveProgress>>
  selectedId: string | null
  /** The right pane: the selected run, or the form that plans a new one. */
  mode: 'detail' | 'new'
  control: ControlState
  exporting: ResultsExportState
  dismissedOffer: readonly string[]
  actions: RunsActions
}

export type RunsStore = StoreApi<RunsState>

export function createRunsStore(client: ApiClient, flushMs = progressFlushMs): RunsStore {
  const seq = createSequence()
  /** Orders events against list requests: a reply never undoes an event that arrived after it was sent. */
  let stamp = 0
  let pending: Record<string, LiveProgress> = {}
  let timer: ReturnType<typeof setTimeout> | undefined

  return createStore<RunsState>()((set, get) => {
    function flush(): void {
      clearTimeout(timer)
      timer = undefined
      const events = pending
      pending = {}
      if (Object.keys(events).length === 0) return
      set((s) => ({ live: { ...s.live, ...events }, list: applyEvents(s.list, events) }))
    }

    const knownStatus = (id: string) =>
      pending[id]?.status ?? get().list.find((r) => r.id === id)?.status ?? get().live[id]?.status

    const actions: RunsActions = {
      async loadList() {
        const n = seq.next()
        const sentAt = stamp
        set((s) => ({ listLoad: s.listLoad.status === 'ready' ? s.listLoad : loading }))
        try {
          const list = await client.call('runs.list', {})
          if (!seq.isLatest(n)) return
          set((s) => ({ list: newestFirst(overlayLive(list, s.live, sentAt)), listLoad: ready }))
        } catch (error) {
          if (seq.isLatest(n)) set({ listLoad: failed(toErrorInfo(error)) })
        }
      },
      async ensureLoaded() {
        if (get().listLoad.status === 'idle') await actions.loadList()
      },
      async refresh() {
        if (get().listLoad.status !== 'idle') await actions.loadList()
      },
      select: (id) => set({ selectedId: id, mode: 'detail', control: controlIdle }),
      openNew: () => set({ mode: 'new' }),
      closeNew: () => set({ mode: 'detail' }),
      applyProgress(progress) {
        stamp += 1
        const changed = knownStatus(progress.runId) !== progress.status
        pending[progress.runId] = { ...progress, stamp }
        if (changed || flushMs <= 0) flush()
        else timer ??= setTimeout(flush, flushMs)
      },
      async control(id, action) {
        if (get().control.status === 'busy') return null
        set({ control: { runId: id, action, status: 'busy', error: null } })
        try {
          const run = await client.call(`runs.${action}`, { id })
          actions.adopt(run)
          set({ control: controlIdle })
          return run
        } catch (error) {
          set({ control: { runId: id, action, status: 'error', error: toErrorInfo(error) } })
          return null
        }
      },
      async exportResults(id, format) {
        set({ exporting: { ...submitBusy, runId: id } })
        try {
          const file = await client.call('runs.exportResults', { runId: id, format })
          set({ exporting: { ...submitDone, runId: id } })
          return file
        } catch (error) {
          set({ exporting: { ...submitFailed(toErrorInfo(error)), runId: id } })
          return null
        }
      },
      adopt(run) {
        stamp += 1
        delete pending[run.id]
        set((s) => {
          const live = { ...s.live }
          delete live[run.id]
          const others = s.list.filter((r) => r.id !== run.id)
          return { list: newestFirst([run, ...others]), live }
        })
      },
      dismissOffer: (ids) => set((s) => ({ dismissedOffer: [...new Set([...s.dismissedOffer, ...ids])] })),
      dispose() {
        clearTimeout(timer)
        timer = undefined
        pending = {}
      },
    }

    return {
      list: [],
      listLoad: idle,
      live: {},
      selectedId: null,
      mode: 'detail',
      control: controlIdle,
      exporting: { ...submitIdle, runId: null },
      dismissedOffer: [],
      actions,
    }
  })
}
