import { useState } from 'react'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import type { Rubric, Scorer } from '../../../../../shared/domain/scoring'
import { useSuite } from '../../../stores/hooks'
import { selectSuiteActions } from '../../../stores/scoring/selectors'
import { blankScorerForm, formFromScorer } from '../../../stores/scoring/scorer-form'
import { describeScorer, kindLabels } from './describe'
import { ScorerEditor } from './ScorerEditor'

interface Props {
  scorers: readonly Scorer[]
  rubrics: readonly Rubric[]
  /** The shown version's model: offered as the judge model besides the simulated ones. */
  pinnedModel: ModelRef
  /** The prompt's versions: the code scorer's test panel offers their runs. */
  promptVersionIds: readonly string[]
}

/** The suite's scorers, one metric each; one of them (or a new one) is edited at a time. */
export function ScorerList({ scorers, rubrics, pinnedModel, promptVersionIds }: Props) {
  const { putScorer, removeScorer } = useSuite(selectSuiteActions)
  // undefined: the form is closed; null: a new scorer; a metric: that scorer.
  const [editing, setEditing] = useState<string | null | undefined>(undefined)
  const edited = scorers.find((s) => s.metric === editing)

  return (
    <section className="suite-section" aria-labelledby="suite-scorers">
      <div className="panel-head">
        <h4 id="suite-scorers">Scorers</h4>
        <button
          type="button"
          className="button small"
          data-testid="suite-add-scorer"
          disabled={editing !== undefined}
          onClick={() => setEditing(null)}
        >
          Add scorer
        </button>
      </div>
      {scorers.length === 0 ? (
        <p className="muted" data-testid="suite-no-scorers">
          No scorers: runs of this prompt are not scored. Add a format check to start.
        </p>
      ) : (
        <ul className="suite-list">
          {scorers.map((s) => (
            <li
              key={s.metric}
              className="suite-row"
              data-testid="suite-scorer"
              data-metric={s.metric}
              data-kind={s.config.kind}
            >
              <code className="suite-metric">{s.metric}</code>
              <span className="badge">{kindLabels[s.config.kind]}</span>
              <span className="suite-row-text">
                <strong>{s.label}</strong> <span className="muted">{describeScorer(s, rubrics)}</span>
              </span>
              <span className="toolbar">
                <button
                  type="button"
                  className="button small"
                  data-testid="scorer-edit"
                  disabled={editing !== undefined}
                  onClick={() => setEditing(s.metric)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button small"
                  data-testid="scorer-delete"
                  aria-label={`Delete the scorer ${s.metric}`}
                  onClick={() => {
                    if (editing === s.metric) setEditing(undefined)
                    removeScorer(s.metric)
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {editing !== undefined ? (
        <ScorerEditor
          key={editing ?? '(new)'}
          initial={edited ? formFromScorer(edited) : blankScorerForm}
          isNew={!edited}
          otherMetrics={scorers.filter((s) => s !== edited).map((s) => s.metric)}
          rubrics={rubrics}
          pinnedModel={pinnedModel}
          promptVersionIds={promptVersionIds}
          onCancel={() => setEditing(undefined)}
          onSave={(scorer) => {
            putScorer(scorer, edited?.metric ?? null)
            setEditing(undefined)
          }}
        />
      ) : null}
    </section>
  )
}
