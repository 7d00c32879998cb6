import { useState } from 'react'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import type { Rubric, Scorer } from '../../../../../shared/domain/scoring'
import { Field } from '../../../components/Field'
import { scorerFromForm } from '../../../stores/scoring/scorer-build'
import {
  labelOf,
  metricOf,
  pickOption,
  scorerKinds,
  suggestedLabel,
  suggestedMetric,
  type ScorerForm,
} from '../../../stores/scoring/scorer-form'
import { AssertionsFields } from './AssertionsFields'
import { CodeScorerFields } from './CodeScorerFields'
import { kindLabels } from './describe'
import { FormatFields } from './FormatFields'
import { RubricFields } from './RubricFields'
import { RuleFields } from './RuleFields'

interface Props {
  initial: ScorerForm
  isNew: boolean
  otherMetrics: readonly string[]
  rubrics: readonly Rubric[]
  pinnedModel: ModelRef
  /** The prompt's versions: the code scorer's test panel offers their runs. */
  promptVersionIds: readonly string[]
  onSave: (scorer: Scorer) => void
  onCancel: () => void
}

export type PatchScorer = (patch: Partial<ScorerForm>) => void

/** Adds or edits one scorer: its kind, what it checks, and the metric (and label) it produces. */
export function ScorerEditor({
  initial,
  isNew,
  otherMetrics,
  rubrics,
  pinnedModel,
  promptVersionIds,
  onSave,
  onCancel,
}: Props) {
  const [form, setForm] = useState(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const patch: PatchScorer = (p) => {
    setForm((f) => ({ ...f, ...p }))
    setProblem(null)
  }

  return (
    <form
      className="suite-form"
      data-testid="scorer-form"
      aria-label={isNew ? 'New scorer' : `Edit scorer ${initial.metric}`}
      onSubmit={(event) => {
        event.preventDefault()
        const built = scorerFromForm(form, rubrics, otherMetrics)
        if ('problem' in built) setProblem(built.problem)
        else onSave(built.scorer)
      }}
    >
      <div className="field-row">
        <Field label="Kind" className="medium">
          <select
            data-testid="scorer-kind"
            data-autofocus
            value={form.kind}
            onChange={(e) => patch({ kind: pickOption(scorerKinds, e.target.value, form.kind) })}
          >
            {scorerKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Metric" className="medium" hint="Gate rules refer to it.">
          <input
            type="text"
            className="mono-input"
            data-testid="scorer-metric"
            spellCheck={false}
            placeholder={suggestedMetric(form)}
            value={metricOf(form)}
            onChange={(e) => patch({ metric: e.target.value, metricEdited: e.target.value !== '' })}
          />
        </Field>
        <Field label="Label" className="grow">
          <input
            type="text"
            data-testid="scorer-label"
            maxLength={200}
            placeholder={suggestedLabel(form, rubrics)}
            value={labelOf(form, rubrics)}
            onChange={(e) => patch({ label: e.target.value, labelEdited: e.target.value !== '' })}
          />
        </Field>
      </div>
      {form.kind === 'format' ? <FormatFields form={form} patch={patch} /> : null}
      {form.kind === 'rule' ? <RuleFields form={form} patch={patch} /> : null}
      {form.kind === 'judge' || form.kind === 'human' ? (
        <RubricFields form={form} patch={patch} rubrics={rubrics} pinnedModel={pinnedModel} />
      ) : null}
      {form.kind === 'code' ? (
        <CodeScorerFields form={form} patch={patch} promptVersionIds={promptVersionIds} />
      ) : null}
      {form.kind === 'assertions' ? (
        <AssertionsFields form={form} patch={patch} pinnedModel={pinnedModel} />
      ) : null}
      {problem ? (
        <p className="field-error" role="alert" data-testid="scorer-problem">
          {problem}
        </p>
      ) : null}
      <footer className="dialog-actions">
        <button type="button" className="button small" data-testid="scorer-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button small primary" data-testid="scorer-save">
          {isNew ? 'Add scorer' : 'Update scorer'}
        </button>
      </footer>
    </form>
  )
}
