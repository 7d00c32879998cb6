import type { Queue } from '../../../../shared/domain/review'
import type { RubricCriterion } from '../../../../shared/domain/scoring'
import type { QueuesState } from './queues-store'
import type { SessionState } from './session-store'

export const selectQueuesActions = (s: QueuesState) => s.actions
export const selectSelectedQueueId = (s: QueuesState) => s.selectedId
export const selectQueueTab = (s: QueuesState) => s.tab
export const selectDialogOpen = (s: QueuesState) => s.dialogOpen
export const selectDialogPreset = (s: QueuesState) => s.dialogPreset
export const selectCreateSubmit = (s: QueuesState) => s.create
export const selectAdjudications = (s: QueuesState) => s.adjudications
export const selectTransfer = (s: QueuesState) => s.transfer
export const selectMerged = (s: QueuesState) => s.merged
export const selectReviewerSubmit = (s: QueuesState) => s.reviewerSubmit

export const selectSessionActions = (s: SessionState) => s.actions
export const selectSessionItem = (s: SessionState) => s.item
export const selectSessionQueueId = (s: SessionState) => s.queueId
export const selectSessionReviewerId = (s: SessionState) => s.reviewerId
export const selectSessionDone = (s: SessionState) => s.done
export const selectSessionLoad = (s: SessionState) => s.load
export const selectSaveStatus = (s: SessionState) => s.save
export const selectSaveError = (s: SessionState) => s.saveError
export const selectActiveKey = (s: SessionState) => s.activeKey
export const selectComments = (s: SessionState) => s.comments

/** The criteria a queue reviews, in the rubric's order. */
export function reviewedCriteria(queue: Queue): RubricCriterion[] {
  return queue.rubric.criteria.filter((c) => queue.criterionKeys.includes(c.key))
}

/** "Ana 7/20 · Ben 3/20": each reviewer's done (and skipped) items of their assigned ones. */
export function progressText(queue: Queue): string {
  if (queue.progress.length === 0) return 'No reviewers'
  return queue.progress.map((p) => `${p.reviewerName} ${p.done + p.skipped}/${p.assigned}`).join(' · ')
}
