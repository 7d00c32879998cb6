import { useState } from 'react'
import type { GateRule, Rubric, Scorer } from '../../../../../shared/domain/scoring'
import { Field } from '../../../components/Field'
import {
  gateFromForm,
  gateKindInfo,
  gateKinds,
  isBinaryMetric,
  type GateForm,
} from '../../../stores/scoring/gate-form'
import { gateRuleText } from '../../../../../shared/lib/gate-text'
import { pickOption } from '../../../stores/scoring/scorer-form'

interface Props {
  initial: GateForm
  isNew: boolean
  scorers: readonly Scorer[]
  rubrics: readonly Rubric[]
  onSave: (rule: GateRule) => void
  onCancel: () => void
}

/** Adds or edits one gate rule; the sentence it will read as is shown while typing. */
export function GateEditor({ initial, isNew, scorers, rubrics, onSave, onCancel }: Props) {
  const [form, setForm] = useState(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const metrics = scorers.map((s) => s.metric)
  const info = gateKindInfo[form.kind]
  const built = gateFromForm(form, metrics)
  const patch = (p: Partial<GateForm>) => {
    setForm((f) => ({ ...f, ...p }))
    setProblem(null)
  }

  return (
    <form
      className="suite-form"
      data-testid="gate-form"
      aria-label={isNew ? 'New gate rule' : 'Edit gate rule'}
      onSubmit={(event) => {
        event.preventDefault()
        if ('problem' in built) setProblem(built.problem)
        else onSave(built.rule)
      }}
    >
      <div className="field-row">
        <Field label="Rule" className="medium">
          <select
            data-testid="gate-kind"
            data-autofocus
            value={form.kind}
            onChange={(e) => {
              const kind = pickOption(gateKinds, e.target.value, form.kind)
              patch({ kind, value: gateKindInfo[kind].value })
            }}
          >
            {gateKinds.map((k) => (
              <option key={k} value={k}>
                {gateKindInfo[k].title}
              </option>
            ))}
          </select>
        </Field>
        {info.metric ? (
          <Field label="Metric" className="medium">
            <select
              data-testid="gate-metric"
              value={form.metric}
              onChange={(e) => patch({ metric: e.target.value })}
            >
              <option value="">Choose a metric…</option>
              {metrics.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label={`Limit (${info.unit})`} className="narrow">
          <input
            type="number"
            data-testid="gate-value"
            min={0}
            step="any"
            value={form.value}
            onChange={(e) => patch({ value: e.target.value })}
          />
        </Field>
      </div>
      <p className="muted" data-testid="gate-preview">
        {'rule' in built
          ? `Reads: ${gateRuleText(built.rule, 'metric' in built.rule ? isBinaryMetric(built.rule.metric, scorers, rubrics) : null)}`
          : ' '}
      </p>
      {problem ? (
        <p className="field-error" role="alert" data-testid="gate-problem">
          {problem}
        </p>
      ) : null}
      <footer className="dialog-actions">
        <button type="button" className="button small" data-testid="gate-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button small primary" data-testid="gate-save">
          {isNew ? 'Add rule' : 'Update rule'}
        </button>
      </footer>
    </form>
  )
}
