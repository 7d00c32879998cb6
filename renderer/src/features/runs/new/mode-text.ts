import type { RunEstimate, RunMode } from '../../../../../shared/domain/runs'
import { formatDuration, formatUsd } from '../../../components/format'

export const modeLabels: Record<RunMode, string> = {
  stream: 'Streamed',
  batch: 'Batch — half price, results within 24 h',
}

/** A cost figure; an unknown one says so rather than passing for $0. */
export function costText(usd: number | null): string {
  return usd === null ? 'unknown' : formatUsd(usd)
}

export const unknownCostNote = 'A model of the plan has no known price; add one in Settings → Prices.'

type TimeFacts = Pick<RunEstimate, 'timeByMode' | 'batchWindowHours'>

/**
 * How long a run of this mode takes: streamed, the calls' time; in batch mode, "within 24 h" for the batch
 * jobs, plus the calls still streamed (providers without a Batch API) when there are some.
 */
export function timeText(mode: RunMode, estimate: TimeFacts): string {
  if (mode === 'stream' || estimate.batchWindowHours === null)
    return formatDuration(estimate.timeByMode[mode])
  const window = `within ${estimate.batchWindowHours} h`
  const streamed = estimate.timeByMode.batch
  return streamed > 0 ? `${window} (streamed calls: ${formatDuration(streamed)})` : window
}

/** "acme-openai: batch job" or "azure-prod: streamed", for the per-provider line of the mode choice. */
export function supportWord(supported: boolean): string {
  return supported ? 'batch job' : 'streamed'
}
