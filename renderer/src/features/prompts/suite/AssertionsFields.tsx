import type { ModelRef } from '../../../../../shared/domain/prompts'
import { modelKey } from '../../../../../shared/lib/model-ref'
import { Field } from '../../../components/Field'
import { useKnownModelKeys } from '../../../queries/providers'
import type { ScorerForm } from '../../../stores/scoring/scorer-form'
import type { PatchScorer } from './ScorerEditor'

interface Props {
  form: ScorerForm
  patch: PatchScorer
  pinnedModel: ModelRef
}

/** The case's own promptfoo assertions: the expected field holding them and the model grading llm-rubric. */
export function AssertionsFields({ form, patch, pinnedModel }: Props) {
  const known = useKnownModelKeys()
  const models = [...new Set([modelKey(pinnedModel), ...known])]
  return (
    <div className="suite-fields">
      <div className="field-row">
        <Field
          label="Expected field"
          className="medium"
          hint="Where a promptfoo import keeps each test's assertions."
        >
          <input
            type="text"
            className="mono-input"
            data-testid="scorer-assertions-field"
            spellCheck={false}
            value={form.assertionsField}
            onChange={(e) => patch({ assertionsField: e.target.value })}
          />
        </Field>
        <Field
          label="Judge model for llm-rubric"
          className="grow"
          hint="provider/model; empty: cases with an llm-rubric assertion stay unscored."
        >
          <select
            data-testid="scorer-judge-model"
            value={form.judgeModel}
            onChange={(e) => patch({ judgeModel: e.target.value })}
          >
            <option value="">No judge (leave llm-rubric unscored)</option>
            {[...new Set([...models, ...(form.judgeModel ? [form.judgeModel] : [])])].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="muted">
        Each case is scored pass/fail the way promptfoo scores the test: weights and the test’s threshold
        apply; the score’s raw value is the weighted test score.
      </p>
    </div>
  )
}
