import type { SliceSummary } from '../../../../../shared/domain/scoring'
import { durationText } from '../../../../../shared/lib/gate-text'
import { batchLatencyLabel, batchLatencyNote } from '../../../components/batch-latency'

const ms = (n: number | null) => (n === null ? '—' : durationText(n))

/** P50 · P95 over the streamed answers; batch answers (no latency) are counted apart, or are all there is. */
export function SliceLatency({ slice }: { slice: SliceSummary }) {
  const note = batchLatencyNote(slice.latencyN, slice.batchResults)
  const onlyBatch = slice.latencyN === 0 && slice.batchResults > 0
  return (
    <>
      {onlyBatch ? batchLatencyLabel : `P50 ${ms(slice.latencyP50Ms)} · P95 ${ms(slice.latencyP95Ms)}`}
      {note ? (
        <span className="muted latency-note" data-testid="summary-latency-note">
          {' '}
          ({note})
        </span>
      ) : null}
    </>
  )
}
