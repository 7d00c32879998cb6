import { AppError } from '../../../../../shared/contract'
import type { RubricCriterion } from '../../../../../shared/domain/scoring'
import type { CoreContext } from '../../context'
import { parseReviewFile, reviewScoresSchema, type ReviewScores } from './format'
import type { AssignmentRow, PackRepo, ScoreRow } from '../../db/repos/review-packs'
import { loadQueue, type LoadedQueue } from '../queue-view'
import { fitsScale } from './scale'

export interface MergeCounts {
  added: number
  updated: number
  unchanged: number
}

type IncomingAssignment = ReviewScores['assignments'][number]

/** Parsed outside the write transaction: a large file must not hold the workspace's write lock. */
export const parseScoresFile = (content: string): ReviewScores =>
  parseReviewFile(reviewScoresSchema, 'review scores file', content)

/** Checks every assignment and score of a parsed file against the queue before anything is written. */
export function checkScoresFile(
  ctx: CoreContext,
  repo: PackRepo,
  file: ReviewScores,
): { queue: LoadedQueue; local: Map<string, AssignmentRow> } {
  if (!repo.hasQueue(file.queueId)) {
    throw new AppError(
      'NOT_FOUND',
      `The review scores file is for queue ${file.queueId}, which is not in this workspace: import it where the queue was made`,
      { field: 'queueId' },
    )
  }
  const queue = loadQueue(ctx, file.queueId)
  const local = new Map(repo.assignments(file.queueId).map((a) => [a.id, a]))
  const criteria = new Map(queue.criteria.map((c) => [c.key, c]))
  file.assignments.forEach((incoming, index) => checkAssignment(incoming, index, local, criteria))
  return { queue, local }
}

function checkAssignment(
  incoming: IncomingAssignment,
  index: number,
  local: Map<string, AssignmentRow>,
  criteria: Map<string, RubricCriterion>,
): void {
  const where = `assignments.${index} (${incoming.id})`
  if (!local.has(incoming.id)) {
    throw new AppError('INVALID_INPUT', `The review scores file names an unknown assignment: ${where}`, {
      field: `assignments.${index}.id`,
    })
  }
  incoming.scores.forEach((score, i) => {
    const field = `assignments.${index}.scores.${i}`
    const criterion = criteria.get(score.criterionKey)
    if (!criterion) {
      throw new AppError(
        'INVALID_INPUT',
        `The review scores file scores criterion "${score.criterionKey}", which this queue does not review (${field})`,
        { field: `${field}.criterionKey` },
      )
    }
    if (!fitsScale(criterion.scale, score.raw)) {
      throw new AppError(
        'INVALID_INPUT',
        `The review scores file has a score of ${score.raw} for "${criterion.key}" outside its ${criterion.scale.type} scale (${field})`,
        { field: `${field}.raw` },
      )
    }
  })
}

/**
 * Merges checked scores: a score missing here is added, one present is replaced only by a newer edit with
 * different content, nothing is ever deleted. Call inside one write transaction.
 */
export function mergeScores(
  repo: PackRepo,
  file: ReviewScores,
  queue: LoadedQueue,
  local: Map<string, AssignmentRow>,
): MergeCounts {
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 }
  const existing = new Map(
    repo.scores(file.queueId).map((s) => [scoreKey(s.assignment_id, s.criterion_key), s]),
  )
  for (const incoming of file.assignments) {
    for (const score of incoming.scores) {
      const row: ScoreRow = {
        assignment_id: incoming.id,
        criterion_key: score.criterionKey,
        raw: score.raw,
        comment: score.comment,
        updated_at: score.updatedAt,
      }
      tally(counts, mergeScore(repo, existing.get(scoreKey(row.assignment_id, row.criterion_key)), row))
    }
    const assignment = local.get(incoming.id)
    if (assignment) mergeState(repo, assignment, incoming, queue, counts)
  }
  return counts
}

type Outcome = 'added' | 'updated' | 'unchanged'

const scoreKey = (assignmentId: string, criterionKey: string): string =>
  `${assignmentId}\u0000${criterionKey}`

function tally(counts: MergeCounts, outcome: Outcome): void {
  counts[outcome] += 1
}

function mergeScore(repo: PackRepo, current: ScoreRow | undefined, incoming: ScoreRow): Outcome {
  if (!current) {
    repo.insertScore(incoming)
    return 'added'
  }
  const same = current.raw === incoming.raw && current.comment === incoming.comment
  if (same || incoming.updated_at <= current.updated_at) return 'unchanged'
  repo.updateScore(incoming)
  return 'updated'
}

/**
 * Status, skip reason and preference travel together and the newer edit wins. An untouched assignment
 * (pending, no preference) never overwrites anything: a merge must not take back work done here.
 */
function mergeState(
  repo: PackRepo,
  current: AssignmentRow,
  incoming: IncomingAssignment,
  queue: LoadedQueue,
  counts: MergeCounts,
): void {
  const untouched = incoming.status === 'pending' && incoming.preference === null
  const differs =
    current.status !== incoming.status ||
    current.skip_reason !== incoming.skipReason ||
    current.preference !== incoming.preference
  if (!untouched && differs && incoming.updatedAt > current.updated_at) {
    repo.updateState({
      id: current.id,
      status: incoming.status,
      skip_reason: incoming.skipReason,
      preference: incoming.preference,
      updated_at: incoming.updatedAt,
    })
    // A preference is a judgment like a score, so it is counted like one.
    if (current.preference !== incoming.preference) tally(counts, current.preference ? 'updated' : 'added')
  } else if (incoming.preference !== null) {
    tally(counts, 'unchanged')
  }
  if (queue.record.mode === 'single') completeIfScored(repo, current.id, queue)
}

/** An assignment whose every criterion now has a score is done, even if the scores came from two places. */
function completeIfScored(repo: PackRepo, assignmentId: string, queue: LoadedQueue): void {
  const state = repo.assignment(assignmentId)
  if (!state || state.status !== 'pending') return
  const scored = new Set(repo.scoredCriteria(assignmentId))
  if (queue.criteria.every((c) => scored.has(c.key))) repo.updateState({ ...state, status: 'done' })
}
