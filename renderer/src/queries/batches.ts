import { useEffect } from 'react'
import type { RunBatchJob } from '../../../shared/domain/runs'
import { useRpcQuery } from '../api/query'

const noJobs: readonly RunBatchJob[] = []

/**
 * A batch-mode run's batch jobs (none asked for a streamed run). Refetched when the run's rows change, and
 * whenever the run's progress reports a new poll (`polledAt`), so the counts follow the waiting line.
 */
export function useRunBatches(runId: string, batchMode: boolean, polledAt: string | null) {
  const query = useRpcQuery('runs.batches', batchMode ? { id: runId } : null)
  const { refetch } = query
  useEffect(() => {
    if (batchMode && polledAt) void refetch()
  }, [batchMode, polledAt, refetch])
  return { jobs: query.data ?? noJobs, error: query.error }
}
