import type { ExpectedChange } from '../../../../shared/domain/corrections'
import type { QueryClient } from '@tanstack/react-query'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Queue, QueueDraft, QueueReport, Reviewer } from '../../../../shared/domain/review'
import { toErrorInfo, type ApiClient } from '../../api'
import { rpcQueryKey } from '../../api/query'
import { submitBusy, submitDone, submitFailed, submitIdle, type SubmitState } from '../load-state'

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

/**
 * The review screen's own state and its writes. The queue list, the reviewers, the open queue's report
 * and a run's metrics are queries (queries/queues.ts), refreshed by db.changed; a write's answer goes
 * into the cache at once.
 */
export interface QueuesActions {
  /** Shows a queue's detail (null: the list alone). */
  select: (id: string | null) => void
  setTab: (tab: QueueTab) => void
  openDialog: () => void
  /** Opens the new-queue dialog with this run (and rubric) chosen; the caller then shows the Review screen. */
  openDialogFor: (preset: QueueDialogPreset) => void
  closeDialog: () => void
  createReviewer: (name: string) => Promise<Reviewer | null>
  create: (draft: QueueDraft) => Promise<Queue | null>
  /** With `expected`, the case's expected value is corrected in its dataset in the same write. */
  adjudicate: (
    itemId: string,
    criterionKey: string,
    raw: number,
    reason: string,
    expected?: ExpectedChange,
  ) => Promise<boolean>
  /** The pack or scores file of the open queue, to download; null when refused (shown as `transfer`). */
  /** A review pack, the scores file for the queue's owner, or the scores as a CSV for a spreadsheet. */
  exportFile: (kind: QueueFileKind) => Promise<{ fileName: string; content: string } | null>
  importPack: (content: string) => Promise<Queue | null>
  importScores: (content: string) => Promise<MergeCounts | null>
}

export interface QueuesState {
  selectedId: string | null
  tab: QueueTab
  dialogOpen: boolean
  dialogPreset: QueueDialogPreset | null
  create: SubmitState
  reviewerSubmit: SubmitState
  /** Per disagreement `itemId|criterionKey`. */
  adjudications: Readonly<Record<string, SubmitState>>
  transfer: SubmitState
  merged: MergeCounts | null
  actions: QueuesActions
}

export type QueuesStore = StoreApi<QueuesState>

export const newestFirst = (list: readonly Queue[]) =>
  [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
export const byName = (list: readonly Reviewer[]) => [...list].sort((a, b) => a.name.localeCompare(b.name))
export const disagreementId = (itemId: string, criterionKey: string) => `${itemId}|${criterionKey}`

const listKey = rpcQueryKey('queues.list', {})
const reviewersKey = rpcQueryKey('reviewers.list', {})

export function createQueuesStore(client: ApiClient, queries: QueryClient): QueuesStore {
  return createStore<QueuesState>()((set, get) => {
    const adopt = (queue: Queue) =>
      queries.setQueryData<Queue[]>(listKey, (list) =>
        list ? [queue, ...list.filter((q) => q.id !== queue.id)] : list,
      )

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
      select: (id) =>
        set((s) =>
          id === s.selectedId
            ? {}
            : {
                selectedId: id,
                tab: 'review',
                transfer: submitIdle,
                merged: null,
              },
        ),
      setTab: (tab) => set({ tab }),
      openDialog: () => set({ dialogOpen: true, dialogPreset: null, create: submitIdle }),
      openDialogFor: (preset) => set({ dialogOpen: true, dialogPreset: preset, create: submitIdle }),
      closeDialog: () => set({ dialogOpen: false }),
      async createReviewer(name) {
        set({ reviewerSubmit: submitBusy })
        try {
          const reviewer = await client.call('reviewers.create', { name })
          queries.setQueryData<Reviewer[]>(reviewersKey, (list) =>
            list ? [...list.filter((r) => r.id !== reviewer.id), reviewer] : list,
          )
          set({ reviewerSubmit: submitDone })
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
      async adjudicate(itemId, criterionKey, raw, reason, expected) {
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
            ...(expected ? { expected } : {}),
          })
          queries.setQueryData<QueueReport>(rpcQueryKey('queues.report', { queueId }), report)
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
        return merged
      },
    }
    return {
      selectedId: null,
      tab: 'review',
      dialogOpen: false,
      dialogPreset: null,
      create: submitIdle,
      reviewerSubmit: submitIdle,
      adjudications: {},
      transfer: submitIdle,
      merged: null,
      actions,
    }
  })
}
