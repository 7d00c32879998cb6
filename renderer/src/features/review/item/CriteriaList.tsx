import type { ReviewItem } from '../../../../../shared/domain/review'
import type { RubricCriterion } from '../../../../../shared/domain/scoring'
import { useSession } from '../../../stores/hooks'
import { scaleOptions } from '../../../stores/review/review-keys'
import { selectActiveKey, selectSessionActions } from '../../../stores/review/selectors'
import { rawOf } from '../../../stores/review/session-logic'

/** The rubric criteria to score, the focused one marked; each value button shows the key that sets it. */
export function CriteriaList({ criteria, item }: { criteria: RubricCriterion[]; item: ReviewItem }) {
  const activeKey = useSession(selectActiveKey)
  const { focus, setRaw } = useSession(selectSessionActions)

  function choose(key: string, raw: number): void {
    focus(key)
    void setRaw(raw)
  }

  return (
    <ol className="review-criteria" aria-label="Criteria">
      {criteria.map((criterion) => {
        const raw = rawOf(item, criterion.key)
        const active = criterion.key === activeKey
        return (
          <li
            key={criterion.key}
            className="review-criterion"
            data-testid="review-criterion"
            data-key={criterion.key}
            data-value={raw === null ? '' : String(raw)}
            data-active={active ? 'true' : undefined}
            onClick={() => focus(criterion.key)}
          >
            <div className="review-criterion-head">
              <strong>{criterion.name}</strong>
              {criterion.guidance ? <span className="muted">{criterion.guidance}</span> : null}
            </div>
            <div className="review-values" role="radiogroup" aria-label={criterion.name}>
              {scaleOptions(criterion.scale).map((option) => (
                <button
                  key={option.raw}
                  type="button"
                  role="radio"
                  aria-checked={raw === option.raw}
                  className="review-value"
                  tabIndex={-1}
                  onClick={(e) => {
                    e.stopPropagation()
                    choose(criterion.key, option.raw)
                  }}
                >
                  {option.key ? <kbd>{option.key}</kbd> : null} {option.label}
                </button>
              ))}
            </div>
          </li>
        )
      })}
    </ol>
  )
}

const preferences = [
  { value: 'a', label: 'A is better', key: '1' },
  { value: 'equal', label: 'Equal', key: '2' },
  { value: 'b', label: 'B is better', key: '3' },
] as const

/** Pairwise: which of the two outputs is better, on the reviewer's own (randomised) sides. */
export function PreferencePicker({ item }: { item: ReviewItem }) {
  const { prefer } = useSession(selectSessionActions)
  return (
    <div
      className="review-values review-preference"
      role="radiogroup"
      aria-label="Which output is better"
      data-testid="review-preference"
      data-value={item.preference ?? ''}
    >
      {preferences.map((p) => (
        <button
          key={p.value}
          type="button"
          role="radio"
          aria-checked={item.preference === p.value}
          className="review-value"
          data-testid="review-prefer"
          data-value={p.value}
          tabIndex={-1}
          onClick={() => void prefer(p.value)}
        >
          <kbd>{p.key}</kbd> {p.label}
        </button>
      ))}
    </div>
  )
}
