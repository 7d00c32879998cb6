import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ErrorInfo } from '../../../../shared/contract'
import type { ReviewItem } from '../../../../shared/domain/review'
import { toErrorInfo, type ApiClient } from '../../api'
import { failed, idle, loading, ready, type LoadState } from '../load-state'
import { nextActiveKey, type Preference } from './session-logic'

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error'

export interface SessionActions {
  /** Opens the review view for a reviewer on a queue, at their next pending item. */
  start: (queueId: string, reviewerId: string, criterionKeys: readonly string[]) => Promise<void>
  close: () => void
  /** Next (+1) or previous (-1) item in the reviewer's order; past the last, the next pending one. */
  step: (by: 1 | -1) => Promise<void>
  /** Moves the focus between criteria. */
  move: (by: 1 | -1) => void
  focus: (criterionKey: string) => void
  /**
   * Sets the focused criterion's raw score (autosaved), then focuses the next unscored criterion; the score
   * that completes the item moves on to the next item.
   */
  setRaw: (raw: number) => Promise<void>
  setComment: (text: string) => void
  /** Saves the comment typed for the focused criterion (with its score; kept until a score exists). */
  saveComment: () => Promise<void>
  prefer: (preference: Preference) => Promise<void>
  skip: (reason: string) => Promise<void>
  undo: () => Promise<void>
}

export interface SessionState {
  queueId: string | null
  reviewerId: string | null
  criterionKeys: readonly string[]
  item: ReviewItem | null
  /** True once the reviewer has no pending item left. */
  done: boolean
  load: LoadState
  save: SaveStatus
  saveError: ErrorInfo | null
  activeKey: string | null
  /** Comments typed but not yet saved, per criterion key of the shown item. */
  comments: Readonly<Record<string, string>>
  actions: SessionActions
}

export type SessionStore = StoreApi<SessionState>

export function createSessionStore(client: ApiClient): SessionStore {
  // Every call runs after the one before: a fast "y j y j" must reach the core in the order it was typed.
  let chain: Promise<unknown> = Promise.resolve()
  const serial = <T>(call: () => Promise<T>): Promise<T> => {
    const next = chain.then(call, call)
    chain = next.catch(() => undefined)
    return next
  }
  let commentInFlight: string | null = null
  /** Whether the shown item was already finished (done or skipped) when it was shown. */
  let shownFinished = false

  return createStore<SessionState>()((set, get) => {
    const show = (item: ReviewItem | null) => {
      if (!item) return set({ done: true, load: ready })
      const same = get().item?.assignmentId === item.assignmentId
      if (!same) shownFinished = item.status !== 'pending'
      set({
        item,
        done: false,
        load: ready,
        comments: same ? get().comments : {},
        activeKey: same ? get().activeKey : nextActiveKey(get().criterionKeys, item, null),
      })
    }

    async function fetchItem(position?: number): Promise<void> {
      const { queueId, reviewerId } = get()
      if (!queueId || !reviewerId) return
      try {
        const input = position === undefined ? { queueId, reviewerId } : { queueId, reviewerId, position }
        show(await serial(() => client.call('review.item', input)))
      } catch (error) {
        set({ load: failed(toErrorInfo(error)) })
      }
    }

    async function write(call: () => Promise<ReviewItem | null>): Promise<ReviewItem | null> {
      set({ save: 'saving', saveError: null })
      try {
        const item = await serial(call)
        set({ save: 'saved' })
        return item
      } catch (error) {
        set({ save: 'error', saveError: toErrorInfo(error) })
        return null
      }
    }

    async function score(criterionKey: string, raw: number, comment: string): Promise<void> {
      const item = get().item
      if (!item) return
      const saved = await write(() =>
        client.call('review.score', {
          assignmentId: item.assignmentId,
          score: { criterionKey, raw, comment },
        }),
      )
      if (!saved) return
      const comments = { ...get().comments }
      delete comments[criterionKey]
      set({ comments })
      show(saved)
    }

    const actions: SessionActions = {
      async start(queueId, reviewerId, criterionKeys) {
        set({ queueId, reviewerId, criterionKeys, item: null, done: false, load: loading, save: 'idle' })
        await fetchItem()
      },
      close: () => set({ queueId: null, reviewerId: null, item: null, done: false, load: idle }),
      async step(by) {
        const { item, done } = get()
        if (done && by === -1 && item) return fetchItem(item.total)
        if (!item) return
        const position = item.position + by
        if (position < 1) return
        await fetchItem(position > item.total ? undefined : position)
      },
      move(by) {
        const keys = get().criterionKeys
        if (keys.length === 0) return
        const at = keys.indexOf(get().activeKey ?? '')
        const next = at < 0 ? 0 : (at + by + keys.length) % keys.length
        set({ activeKey: keys[next] ?? null })
      },
      focus: (criterionKey) => set({ activeKey: criterionKey }),
      async setRaw(raw) {
        const { item, activeKey, comments } = get()
        if (!item || !activeKey) return
        const existing = item.scores.find((s) => s.criterionKey === activeKey)
        const comment = comments[activeKey] ?? existing?.comment ?? ''
        // Focus moves on at once, before the reply: a fast "y 4 2" scores three criteria, not one thrice.
        const scored = { criterionKey: activeKey, raw, comment }
        const provisional = {
          ...item,
          scores: [...item.scores.filter((x) => x.criterionKey !== activeKey), scored],
        }
        set({ activeKey: nextActiveKey(get().criterionKeys, provisional, activeKey) })
        await score(activeKey, raw, comment)
        // The score that finished the item moves on to the next one; one changed on an item that was
        // already finished when shown stays put.
        const saved = get().item
        if (saved?.assignmentId === item.assignmentId && saved.status === 'done' && !shownFinished) {
          shownFinished = true
          await fetchItem(saved.position < saved.total ? saved.position + 1 : undefined)
        }
      },
      setComment(text) {
        const key = get().activeKey
        if (key) set((s) => ({ comments: { ...s.comments, [key]: text } }))
      },
      async saveComment() {
        const { item, activeKey, comments } = get()
        const text = activeKey ? comments[activeKey] : undefined
        const existing = item?.scores.find((s) => s.criterionKey === activeKey)
        // A comment needs its score (the contract stores them together): it waits for the value.
        if (!item || !activeKey || text === undefined || !existing || existing.comment === text) return
        // Blur and the typing pause can both fire for one comment: send each text once.
        const sending = `${item.assignmentId}|${activeKey}|${text}`
        if (sending === commentInFlight) return
        commentInFlight = sending
        try {
          await score(activeKey, existing.raw, text)
        } finally {
          commentInFlight = null
        }
      },
      async prefer(preference) {
        const item = get().item
        if (!item) return
        show(await write(() => client.call('review.score', { assignmentId: item.assignmentId, preference })))
      },
      async skip(reason) {
        const item = get().item
        if (!item || !reason.trim()) return
        const skipped = await write(() =>
          client.call('review.skip', { assignmentId: item.assignmentId, reason: reason.trim() }),
        )
        if (skipped) await fetchItem(skipped.position < skipped.total ? skipped.position + 1 : undefined)
      },
      async undo() {
        const { queueId, reviewerId } = get()
        if (!queueId || !reviewerId) return
        const restored = await write(() => client.call('review.undo', { queueId, reviewerId }))
        if (restored) show(restored)
      },
    }
    return {
      queueId: null,
      reviewerId: null,
      criterionKeys: [],
      item: null,
      done: false,
      load: idle,
      save: 'idle',
      saveError: null,
      activeKey: null,
      comments: {},
      actions,
    }
  })
}
