import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Queue, QueueDraft, QueueReport, Reviewer } from '../../../../shared/domain/review'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  settleLatest,
  submitBusy,
  submitDone,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'

/** Tables whose change makes the queue list (progress) and the open report stale. */
export const queuesTables = [
  'review_queues',
  'review_assignments',
  'review_scores',
  'review_adjudications',
  'reviewers',
] as const

export type QueueTab = 'review' | 'report'

/** What another screen preselects in the new-queue dialog, e.g. a production import's run and rubric. */
export type QueueFileKind = 'pack' | 'scores' | 'scoresCsv'

const exportMethods = {
  pack: 'queues.exportPack',
  scores: 'queues.exportScores',
  scoresCsv: 'queues.exportScoresCsv',
} as const

export interface QueueDialogPreset {
  runId: string
  rubricId: string | null
}

export interface MergeCounts {
  added: number
  updated: number
  unchanged: number
}

export interface QueuesActions {
  ensureLoaded: () => Promise<void>
  refresh: () => Promise<void>
  /** Shows a queue's detail (null: the list alone). */
  select: (id: string | null) => void
  setTab: (tab: QueueTab) => void
  openDialog: () => void
  /** Opens the new-queue dialog with this run (and rubric) chosen; the caller then shows the Review screen. */
  openDialogFor: (preset: QueueDialogPreset) => void
  closeDialog: () => void
  createReviewer: (name: string) => Promise<Reviewer | null>
  create: (draft: QueueDraft) => Promise<Queue | null>
  loadReport: () => Promise<void>
  adjudicate: (itemId: string, criterionKey: string, raw: number, reason: string) => Promise<boolean>
  /** The pack or scores file of the open queue, to download; null when refused (shown as `transfer`). */
  /** A review pack, the scores file for the queue's owner, or the scores as a CSV for a spreadsheet. */
  exportFile: (kind: QueueFileKind) => Promise<{ fileName: string; content: string } | null>
  importPack: (content: string) => Promise<Queue | null>
  importScores: (content: string) => Promise<MergeCounts | null>
  /** The metric names a run's summary has, for the "failing on" choice of a new queue. */
  loadRunMetrics: (runId: string) => Promise<void>
}

export interface QueuesState {
  list: Queue[]
  reviewers: Reviewer[]
  load: LoadState
  selectedId: string | null
  tab: QueueTab
  dialogOpen: boolean
  dialogPreset: QueueDialogPreset | null
  create: SubmitState
  reviewerSubmit: SubmitState
  report: QueueReport | null
  reportLoad: LoadState
  /** Per disagreement `itemId|criterionKey`. */
  adjudications: Readonly<Record<string, SubmitState>>
  transfer: SubmitState
  merged: MergeCounts | null
  runMetrics: { runId: string; metrics: string[] } | null
  actions: QueuesActions
}

export type QueuesStore = StoreApi<QueuesState>

const newestFirst = (list: Queue[]) => [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
const byName = (list: Reviewer[]) => [...list].sort((a, b) => a.name.localeCompare(b.name))
export const disagreementId = (itemId: string, criterionKey: string) => `${itemId}|${criterionKey}`

export function createQueuesStore(client: ApiClient): QueuesStore {
  const listSeq = createSequence()
  const reportSeq = createSequence()
  const metricsSeq = createSequence()
  return createStore<QueuesState>()((set, get) => {
    async function load(): Promise<void> {
      const n = listSeq.next()
      if (get().load.status !== 'ready') set({ load: loading })
      const both = Promise.all([client.call('queues.list', {}), client.call('reviewers.list', {})])
      await settleLatest(listSeq, n, both, {
        value: ([list, reviewers]) =>
          set({ list: newestFirst(list), reviewers: byName(reviewers), load: ready }),
        error: (error) => set({ load: failed(error) }),
      })
    }
    const adopt = (queue: Queue) =>
      set((s) => ({ list: newestFirst([queue, ...s.list.filter((q) => q.id !== queue.id)]) }))

    async function transfer<T>(call: () => Promise<T>): Promise<T | null> {
      set({ transfer: submitBusy, merged: null })
      try {
        const value = await call()
        set({ transfer: submitDone })
        return value
      } catch (error) {
        set({ transfer: submitFailed(toErrorInfo(error)) })
        return null
      }
    }

    const actions: QueuesActions = {
      async ensureLoaded() {
        if (get().load.status === 'idle') await load()
      },
      async refresh() {
        if (get().load.status !== 'idle') await load()
        if (get().tab === 'report' && get().selectedId) await actions.loadReport()
      },
      select: (id) =>
        set((s) =>
          id === s.selectedId
            ? {}
            : {
                selectedId: id,
                tab: 'review',
                report: null,
                reportLoad: idle,
                transfer: submitIdle,
                merged: null,
              },
        ),
      setTab(tab) {
        set({ tab })
        if (tab === 'report') void actions.loadReport()
      },
      openDialog: () => set({ dialogOpen: true, dialogPreset: null, create: submitIdle }),
      openDialogFor: (preset) => set({ dialogOpen: true, dialogPreset: preset, create: submitIdle }),
      closeDialog: () => set({ dialogOpen: false }),
      async createReviewer(name) {
        set({ reviewerSubmit: submitBusy })
        try {
          const reviewer = await client.call('reviewers.create', { name })
          set((s) => ({
            reviewers: byName([...s.reviewers.filter((r) => r.id !== reviewer.id), reviewer]),
            reviewerSubmit: submitDone,
          }))
          return reviewer
        } catch (error) {
          set({ reviewerSubmit: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
      async create(draft) {
        if (get().create.status === 'busy') return null
        set({ create: submitBusy })
        try {
          const queue = await client.call('queues.create', draft)
          adopt(queue)
          set({ create: submitDone, dialogOpen: false })
          actions.select(queue.id)
          return queue
        } catch (error) {
          set({ create: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
      async loadReport() {
        const queueId = get().selectedId
        if (!queueId) return
        const n = reportSeq.next()
        if (get().report?.queueId !== queueId) set({ reportLoad: loading })
        await settleLatest(reportSeq, n, client.call('queues.report', { queueId }), {
          value: (report) => set({ report, reportLoad: ready }),
          error: (error) => set({ reportLoad: failed(error) }),
        })
      },
      async adjudicate(itemId, criterionKey, raw, reason) {
        const queueId = get().selectedId
        if (!queueId) return false
        const id = disagreementId(itemId, criterionKey)
        const mark = (state: SubmitState) =>
          set((s) => ({ adjudications: { ...s.adjudications, [id]: state } }))
        mark(submitBusy)
        try {
          const report = await client.call('queues.adjudicate', {
            queueId,
            itemId,
            criterionKey,
            raw,
            reason,
          })
          reportSeq.next() // an older report request in flight must not overwrite this newer answer
          set({ report, reportLoad: ready })
          mark(submitDone)
          return true
        } catch (error) {
          mark(submitFailed(toErrorInfo(error)))
          return false
        }
      },
      async exportFile(kind) {
        const queueId = get().selectedId
        if (!queueId) return null
        return transfer(() => client.call(exportMethods[kind], { queueId }))
      },
      async importPack(content) {
        const queue = await transfer(() => client.call('queues.importPack', { content }))
        if (queue) {
          adopt(queue)
          actions.select(queue.id)
        }
        return queue
      },
      async importScores(content) {
        const result = await transfer(() => client.call('queues.importScores', { content }))
        if (!result) return null
        adopt(result.queue)
        const merged = { added: result.added, updated: result.updated, unchanged: result.unchanged }
        set({ merged })
        if (get().tab === 'report' && get().selectedId === result.queue.id) await actions.loadReport()
        return merged
      },
      async loadRunMetrics(runId) {
        const n = metricsSeq.next()
        const metricsOf = async () => {
          const summary = await client.call('runs.summary', { runId })
          return [...new Set(summary.slices.flatMap((slice) => slice.metrics.map((m) => m.metric)))].sort()
        }
        await settleLatest(metricsSeq, n, metricsOf(), {
          value: (metrics) => set({ runMetrics: { runId, metrics } }),
          // Without a summary the queue can still take "any failing metric".
          error: () => set({ runMetrics: { runId, metrics: [] } }),
        })
      },
    }
    return {
      list: [],
      reviewers: [],
      load: idle,
      selectedId: null,
      tab: 'review',
      dialogOpen: false,
      dialogPreset: null,
      create: submitIdle,
      reviewerSubmit: submitIdle,
      report: null,
      reportLoad: idle,
      adjudications: {},
      transfer: submitIdle,
      merged: null,
      runMetrics: null,
      actions,
    }
  })
}
