import { useState } from 'react'
import type { Queue, QueueReport } from '../../../../../shared/domain/review'
import type { RubricScale } from '../../../../../shared/domain/scoring'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useQueues } from '../../../stores/hooks'
import { disagreementId } from '../../../stores/review/queues-store'
import { rawLabel, scaleOptions } from '../../../stores/review/review-keys'
import { selectAdjudications, selectQueuesActions } from '../../../stores/review/selectors'

type Disagreement = QueueReport['disagreements'][number]

/** Items where reviewers gave different scores; an adjudicated score becomes the item's final score. */
export function DisagreementList({ queue, disagreements }: { queue: Queue; disagreements: Disagreement[] }) {
  const scaleOf = (key: string) => queue.rubric.criteria.find((c) => c.key === key)?.scale
  return (
    <section className="report-section">
      <h3>Disagreements ({disagreements.length})</h3>
      {disagreements.length === 0 ? (
        <p className="muted">Reviewers agree on every item scored twice.</p>
      ) : null}
      <ul className="disagreement-list">
        {disagreements.map((d) => {
          const scale = scaleOf(d.criterionKey)
          return scale ? (
            <DisagreementItem key={disagreementId(d.itemId, d.criterionKey)} disagreement={d} scale={scale} />
          ) : null
        })}
      </ul>
    </section>
  )
}

function DisagreementItem({ disagreement: d, scale }: { disagreement: Disagreement; scale: RubricScale }) {
  return (
    <li className="disagreement" data-testid="disagreement" data-item-id={d.itemId} data-key={d.criterionKey}>
      <p>
        <strong>{d.caseKey ?? d.itemId}</strong> · {d.criterionKey}
      </p>
      <ul className="disagreement-scores">
        {d.scores.map((s, i) => (
          <li key={`${s.reviewerName}-${i}`}>
            {s.reviewerName}: <strong>{rawLabel(scale, s.raw)}</strong>
            {s.comment ? <span className="muted"> — {s.comment}</span> : null}
          </li>
        ))}
      </ul>
      {d.adjudicated ? (
        <p className="adjudicated">
          <span className="badge" data-testid="adjudicated">
            Adjudicated
          </span>{' '}
          {rawLabel(scale, d.adjudicated.raw)} by {d.adjudicated.by}: {d.adjudicated.reason}
        </p>
      ) : (
        <AdjudicateForm disagreement={d} scale={scale} />
      )}
    </li>
  )
}

function AdjudicateForm({ disagreement: d, scale }: { disagreement: Disagreement; scale: RubricScale }) {
  const options = scaleOptions(scale)
  const [raw, setRaw] = useState(String(d.scores[0]?.raw ?? options[0]?.raw ?? ''))
  const [reason, setReason] = useState('')
  const { adjudicate } = useQueues(selectQueuesActions)
  const submit = useQueues(selectAdjudications)[disagreementId(d.itemId, d.criterionKey)]
  const busy = submit?.status === 'busy'

  return (
    <form
      className="adjudicate-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (reason.trim()) void adjudicate(d.itemId, d.criterionKey, Number(raw), reason.trim())
      }}
    >
      <select
        aria-label="Final score"
        data-testid="adjudicate-value"
        value={raw}
        onChange={(e) => setRaw(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.raw} value={String(o.raw)}>
            {o.label}
          </option>
        ))}
      </select>
      <input
        aria-label="Reason"
        placeholder="Why this score"
        data-testid="adjudicate-reason"
        value={reason}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="submit"
        className="button small"
        data-testid="adjudicate-save"
        disabled={busy || !reason.trim()}
      >
        Adjudicate
      </button>
      {submit?.error ? <ErrorNotice title="Not adjudicated" error={submit.error} /> : null}
    </form>
  )
}
