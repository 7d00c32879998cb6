import { Field } from '../../components/Field'
import { likertScores, scaleTypes, type CriterionForm } from '../../stores/scoring/rubric-form'
import { pickOption } from '../../stores/scoring/scorer-form'

interface Props {
  index: number
  criterion: CriterionForm
  canRemove: boolean
  onChange: (patch: Partial<CriterionForm>) => void
  onRemove: () => void
}

const scaleLabels: Record<CriterionForm['scale'], string> = {
  pass_fail: 'Pass / fail',
  likert: 'Score (e.g. 1–5)',
  labels: 'Ordered labels',
}

/** One criterion: key, name, scale (with a label per score) and the guidance reviewers and judges read. */
export function CriterionEditor({ index, criterion: c, canRemove, onChange, onRemove }: Props) {
  const scores = c.scale === 'likert' ? likertScores(c.min, c.max) : null
  return (
    <li className="criterion" data-testid="rubric-criterion" data-key={c.key}>
      <div className="field-row">
        <Field label={`Criterion ${index + 1} key`} className="medium">
          <input
            type="text"
            className="mono-input"
            data-testid="criterion-key"
            spellCheck={false}
            placeholder="tone"
            value={c.key}
            onChange={(e) => onChange({ key: e.target.value })}
          />
        </Field>
        <Field label="Name" className="grow">
          <input
            type="text"
            data-testid="criterion-name"
            maxLength={200}
            value={c.name}
            onChange={(e) => onChange({ name: e.target.value })}
          />
        </Field>
        <Field label="Scale" className="medium">
          <select
            data-testid="criterion-scale"
            value={c.scale}
            onChange={(e) => onChange({ scale: pickOption(scaleTypes, e.target.value, c.scale) })}
          >
            {scaleTypes.map((t) => (
              <option key={t} value={t}>
                {scaleLabels[t]}
              </option>
            ))}
          </select>
        </Field>
        <div className="provider-form-actions">
          <button
            type="button"
            className="button small"
            data-testid="criterion-remove"
            disabled={!canRemove}
            aria-label={`Remove criterion ${index + 1}`}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      </div>
      {c.scale === 'likert' ? (
        <div className="field-row">
          <Field label="Lowest" className="narrow">
            <input
              type="number"
              data-testid="criterion-min"
              step={1}
              value={c.min}
              onChange={(e) => onChange({ min: e.target.value })}
            />
          </Field>
          <Field label="Highest" className="narrow">
            <input
              type="number"
              data-testid="criterion-max"
              step={1}
              value={c.max}
              onChange={(e) => onChange({ max: e.target.value })}
            />
          </Field>
          {scores?.map((score) => (
            <Field key={score} label={`Label for ${score}`} className="medium">
              <input
                type="text"
                data-testid="criterion-score-label"
                data-score={score}
                placeholder="optional"
                value={c.likertLabels[String(score)] ?? ''}
                onChange={(e) =>
                  onChange({ likertLabels: { ...c.likertLabels, [String(score)]: e.target.value } })
                }
              />
            </Field>
          ))}
        </div>
      ) : null}
      {c.scale === 'labels' ? (
        <Field label="Labels, one per line, worst first">
          <textarea
            data-testid="criterion-labels"
            rows={3}
            value={c.labelsText}
            onChange={(e) => onChange({ labelsText: e.target.value })}
          />
        </Field>
      ) : null}
      <Field label="Guidance for reviewers and judges">
        <textarea
          data-testid="criterion-guidance"
          rows={3}
          maxLength={10000}
          value={c.guidance}
          onChange={(e) => onChange({ guidance: e.target.value })}
        />
      </Field>
    </li>
  )
}
