import { useState } from 'react'
import type { PairwiseComparison } from '../../../../../shared/domain/pairwise'
import { modelKey } from '../../../../../shared/lib/model-ref'
import { toErrorInfo } from '../../../api'
import { useAddedSlices } from '../../../queries/compare'
import { useCancelPairwise, usePairwiseList, useStartPairwise } from '../../../queries/pairwise'
import { errorOf } from '../../../queries/summary'
import { toCompareSlice } from '../../../stores/compare/compare-slices'
import { pairOf } from '../../../stores/compare/compare-store'
import { useCompare } from '../../../stores/hooks'
import { sliceLabel } from '../RunPicker'
import { PairwiseCases } from './PairwiseCases'
import { PairwiseForm, type PairwiseChoice } from './PairwiseForm'
import { PairwiseSummaryView } from './PairwiseSummaryView'
import { ErrorNotice } from '../../../components/ErrorNotice'

const statusText: Record<PairwiseComparison['status'], string> = {
  running: 'Judging…',
  completed: 'Done',
  cancelled: 'Stopped: start again to judge the rest',
  failed: 'Failed',
}

const comparisonLabel = (c: PairwiseComparison): string =>
  `${c.rubricName} › ${c.criterionName} · judge ${modelKey(c.judge)}`

function ComparisonControls(props: { comparison: PairwiseComparison; busy: boolean; onResume: () => void }) {
  const cancel = useCancelPairwise()
  const { comparison: c } = props
  const resumable =
    c.status !== 'running' && (c.summary.judged + c.summary.failed < c.summary.cases || c.summary.failed > 0)
  return (
    <div className="pairwise-status">
      <span data-testid="pairwise-status" data-status={c.status}>
        {statusText[c.status]}
      </span>
      {c.error && (
        <span className="error">
          {' '}
          {c.error}
          {resumable ? ' Judged cases are kept: press “Judge the rest” to try the others again.' : ''}
        </span>
      )}
      {c.status === 'running' && (
        <button type="button" data-testid="pairwise-cancel" onClick={() => cancel.mutate({ id: c.id })}>
          Stop
        </button>
      )}
      {resumable && (
        <button type="button" data-testid="pairwise-resume" disabled={props.busy} onClick={props.onResume}>
          Judge the rest
        </button>
      )}
    </div>
  )
}

/**
 * The pairwise LLM judge on Compare: the cases panel's baseline is A and its candidate B. Each shared case
 * is judged with A shown first and with B shown first; it counts as won only when both orders agree.
 */
export function PairwisePanel() {
  const { baselineId, candidateId } = pairOf(useCompare((s) => s))
  const slices = useAddedSlices()
  const a = slices.find((s) => s.id === baselineId)
  const b = slices.find((s) => s.id === candidateId)
  const same = a !== undefined && a.id === b?.id
  const list = usePairwiseList(same ? undefined : a, same ? undefined : b)
  const start = useStartPairwise()
  const [pickedId, setPickedId] = useState<string | null>(null)
  const comparisons = list.data ?? []
  const current = comparisons.find((c) => c.id === pickedId) ?? comparisons[0] ?? null
  const run = (choice: PairwiseChoice) => {
    if (!a || !b) return
    start.mutate(
      { a: toCompareSlice(a), b: toCompareSlice(b), ...choice },
      { onSuccess: (c) => setPickedId(c.id) },
    )
  }
  const startError = start.error ? toErrorInfo(start.error) : null
  const listError = errorOf(list.error)
  const resume = (c: PairwiseComparison) =>
    start.mutate({ a: c.a, b: c.b, rubricId: c.rubricId, criterionKey: c.criterionKey, judge: c.judge })
  return (
    <section className="pairwise-panel" data-testid="pairwise-panel" aria-label="Pairwise judge">
      <h3>Pairwise judge</h3>
      {!a || !b || same ? (
        <p className="muted">Pick two different slices as baseline and candidate above.</p>
      ) : (
        <>
          <p className="pairwise-sides-legend">
            <strong>A</strong> <span data-testid="pairwise-a">{sliceLabel(a)}</span> · <strong>B</strong>{' '}
            <span data-testid="pairwise-b">{sliceLabel(b)}</span>
          </p>
          <PairwiseForm disabled={start.isPending} onStart={run} />
          {startError && (
            <ErrorNotice
              title="The pairwise judge did not start"
              error={startError}
              testId="pairwise-error"
            />
          )}
          {listError && (
            <ErrorNotice
              title="Could not load the pairwise comparisons"
              error={listError}
              testId="pairwise-list-error"
            />
          )}
          {comparisons.length > 1 && (
            <select
              data-testid="pairwise-comparison"
              aria-label="Comparison"
              value={current?.id ?? ''}
              onChange={(e) => setPickedId(e.target.value)}
            >
              {comparisons.map((c) => (
                <option key={c.id} value={c.id}>
                  {comparisonLabel(c)}
                </option>
              ))}
            </select>
          )}
          {current && (
            <div data-testid="pairwise-comparison-view" data-comparison-id={current.id}>
              <h4>{comparisonLabel(current)}</h4>
              <ComparisonControls
                comparison={current}
                busy={start.isPending}
                onResume={() => resume(current)}
              />
              <PairwiseSummaryView comparison={current} />
              <PairwiseCases comparisonId={current.id} />
            </div>
          )}
        </>
      )}
    </section>
  )
}
