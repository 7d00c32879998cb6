import type { ModelRef } from '../../../../../shared/domain/prompts'
import type { Rubric } from '../../../../../shared/domain/scoring'
import { Field } from '../../../components/Field'
import { modelKey } from '../../../../../shared/lib/model-ref'
import { useKnownModelKeys } from '../../../queries/providers'
import { simulatedModels } from '../../../stores/runs/new-run-plan'
import type { ScorerForm } from '../../../stores/scoring/scorer-form'
import type { PatchScorer } from './ScorerEditor'

interface Props {
  form: ScorerForm
  patch: PatchScorer
  rubrics: readonly Rubric[]
  pinnedModel: ModelRef
}

/** A rubric criterion, scored by an LLM judge (model and samples) or by reviewers (human). */
export function RubricFields({ form, patch, rubrics, pinnedModel }: Props) {
  const rubric = rubrics.find((r) => r.id === form.rubricId)
  const known = useKnownModelKeys()
  // The pinned model first, then every configured provider's known models (a local judge included).
  const models = [...new Set([...[pinnedModel, ...simulatedModels].map(modelKey), ...known])]
  return (
    <div className="suite-fields">
      {rubrics.length === 0 ? (
        <p className="muted" data-testid="scorer-no-rubrics">
          No rubrics yet: write one in Settings › Rubrics first.
        </p>
      ) : null}
      <div className="field-row">
        <Field label="Rubric" className="medium">
          <select
            data-testid="scorer-rubric"
            value={form.rubricId}
            onChange={(e) => patch({ rubricId: e.target.value, criterionKey: '' })}
          >
            <option value="">Choose a rubric…</option>
            {rubrics.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} (v{r.version})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Criterion" className="medium">
          <select
            data-testid="scorer-criterion"
            value={form.criterionKey}
            disabled={!rubric}
            onChange={(e) => patch({ criterionKey: e.target.value })}
          >
            <option value="">Choose a criterion…</option>
            {rubric?.criteria.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        {form.kind === 'judge' ? (
          <>
            <Field
              label="Judge model"
              className="grow"
              hint="provider/model; its calls and cost are recorded."
            >
              <input
                type="text"
                className="mono-input"
                data-testid="scorer-model"
                list="judge-models"
                spellCheck={false}
                value={form.model}
                onChange={(e) => patch({ model: e.target.value })}
              />
            </Field>
            <datalist id="judge-models">
              {models.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
            <Field label="Samples" className="narrow" hint="Median of n answers (1–9).">
              <input
                type="number"
                data-testid="scorer-samples"
                min={1}
                max={9}
                step={1}
                value={form.samples}
                onChange={(e) => patch({ samples: e.target.value })}
              />
            </Field>
          </>
        ) : (
          <p className="muted suite-human-note">
            Human scores come from review queues; the summary counts those given so far.
          </p>
        )}
      </div>
    </div>
  )
}
