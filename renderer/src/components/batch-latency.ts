import { formatCount } from './format'

/** What a grid or detail shows for a batch answer's latency: the job took hours, not the call. */
export const batchLatencyLabel = 'batch'

const results = (n: number) => `${formatCount(n)} batch ${n === 1 ? 'result has' : 'results have'} no latency`

/**
 * Says how many answers P50/P95 are over when some came through a Batch API and so have none:
 * "P95 over 300 streamed calls; 2,000 batch results have no latency". Null when there is no batch answer.
 */
export function batchLatencyNote(latencyN: number, batchResults: number): string | null {
  if (batchResults === 0) return null
  if (latencyN === 0) return results(batchResults)
  const calls = `${formatCount(latencyN)} streamed ${latencyN === 1 ? 'call' : 'calls'}`
  return `P95 over ${calls}; ${results(batchResults)}`
}
