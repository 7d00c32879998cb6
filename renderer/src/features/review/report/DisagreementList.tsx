import type { Queue, QueueReport } from '../../../../../shared/domain/review'
import type { RubricScale } from '../../../../../shared/domain/scoring'
import { disagreementId } from '../../../stores/review/queues-store'
import { rawLabel } from '../../../stores/review/review-keys'
import { expectedValueText } from '../../corrections/expected-value'
import { AdjudicateForm } from './AdjudicateForm'

export type Disagreement = QueueReport['disagreements'][number]

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
          {d.adjudicated.corrected ? (
            <span data-testid="adjudicated-correction">
              {' '}
              · expected {d.adjudicated.corrected.field} corrected to{' '}
              <strong>{expectedValueText(d.adjudicated.corrected.value)}</strong> in the dataset
            </span>
          ) : null}
        </p>
      ) : (
        <AdjudicateForm disagreement={d} scale={scale} />
      )}
    </li>
  )
}
