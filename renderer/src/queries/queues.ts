import type { Queue, Reviewer } from '../../../shared/domain/review'
import type { RunSummary } from '../../../shared/domain/scoring'
import { toErrorInfo } from '../api'
import { useRpcQuery } from '../api/query'
import { useQueues } from '../stores/hooks'
import { byName, newestFirst } from '../stores/review/queues-store'

const noQueues: readonly Queue[] = []
const noReviewers: readonly Reviewer[] = []
const noMetrics: readonly string[] = []

/** Every review queue, newest first, with each reviewer's progress (which a review elsewhere changes). */
export function useQueueList() {
  const query = useRpcQuery('queues.list', {}, { select: newestFirst })
  return { queues: query.data ?? noQueues, query, error: query.error ? toErrorInfo(query.error) : null }
}

/** The queue the review screen shows, once the list holds it. */
export function useSelectedQueue(): Queue | null {
  const { queues } = useQueueList()
  const selectedId = useQueues((s) => s.selectedId)
  return queues.find((q) => q.id === selectedId) ?? null
}

/** The reviewer profiles, by name. */
export function useReviewers() {
  const query = useRpcQuery('reviewers.list', {}, { select: byName })
  return { reviewers: query.data ?? noReviewers, query }
}

/** Agreement, disagreements, win rate and judge calibration of a queue; refetched when anyone scores it. */
export function useQueueReport(queueId: string) {
  const query = useRpcQuery('queues.report', { queueId })
  return { report: query.data ?? null, query, error: query.error ? toErrorInfo(query.error) : null }
}

const metricNames = (summary: RunSummary): string[] =>
  [...new Set(summary.slices.flatMap((slice) => slice.metrics.map((m) => m.metric)))].sort()

/** The metric names a run's summary has, for the "failing on" choice of a new queue (none without one). */
export function useRunMetrics(runId: string | null): readonly string[] {
  const query = useRpcQuery('runs.summary', runId ? { runId } : null, { select: metricNames })
  return query.data ?? noMetrics
}
