import { useState } from 'react'
import type { RubricScale } from '../../../../shared/domain/scoring'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useRubricList } from '../../queries/rubrics'
import { blankRubricForm, formFromRubric } from '../../stores/scoring/rubric-form'
import { RubricEditor } from './RubricEditor'

/** Rubrics: named, versioned criteria that reviewers and LLM judges score outputs against. */
export function RubricsSection() {
  const { rubrics, query, error } = useRubricList()
  // undefined: no editor; null: a new rubric; a key: that rubric.
  const [editing, setEditing] = useState<string | null | undefined>(undefined)
  const [saved, setSaved] = useState<string | null>(null)
  const edited = rubrics.find((r) => r.key === editing)

  return (
    <section className="panel settings" data-testid="rubrics-section" aria-labelledby="settings-rubrics">
      <div className="panel-head">
        <h2 id="settings-rubrics">Rubrics</h2>
        <button
          type="button"
          className="button small"
          data-testid="rubric-new"
          disabled={editing !== undefined}
          onClick={() => setEditing(null)}
        >
          New rubric
        </button>
      </div>
      <p className="muted">
        Criteria with a scale and guidance, for reviewers and LLM judges. Saving a changed rubric adds a
        version; scores keep the version they were given with.
      </p>
      {error ? <ErrorNotice title="Could not load rubrics" error={error} testId="rubrics-error" /> : null}
      {rubrics.length === 0 && query.isSuccess ? (
        <p className="muted" data-testid="rubrics-empty">
          No rubrics yet.
        </p>
      ) : null}
      <ul className="rubric-list">
        {rubrics.map((r) => (
          <li
            key={r.key}
            className="rubric-row"
            data-testid="rubric-row"
            data-key={r.key}
            data-version={r.version}
          >
            <div className="rubric-row-head">
              <strong>{r.name}</strong> <code className="muted">{r.key}</code>
              <span className="badge" data-testid="rubric-version">
                v{r.version}
              </span>
              <span className="muted">
                {r.criteria.length} {r.criteria.length === 1 ? 'criterion' : 'criteria'}
              </span>
              <button
                type="button"
                className="button small"
                data-testid="rubric-edit"
                disabled={editing !== undefined}
                onClick={() => {
                  setSaved(null)
                  setEditing(r.key)
                }}
              >
                Edit
              </button>
            </div>
            {r.description ? <p className="muted rubric-description">{r.description}</p> : null}
            <ul className="rubric-criteria">
              {r.criteria.map((c) => (
                <li key={c.key}>
                  {c.name} <span className="muted">({scaleText(c.scale)})</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {saved && editing === undefined ? (
        <p className="save-ok" role="status" data-testid="rubric-saved">
          {saved}
        </p>
      ) : null}
      {editing !== undefined ? (
        <RubricEditor
          key={editing ?? '(new)'}
          initial={edited ? formFromRubric(edited) : blankRubricForm()}
          onDone={(rubric) => {
            setEditing(undefined)
            if (rubric) setSaved(`Saved ${rubric.name} as version ${rubric.version}.`)
          }}
        />
      ) : null}
    </section>
  )
}

function scaleText(scale: RubricScale): string {
  switch (scale.type) {
    case 'pass_fail':
      return 'pass/fail'
    case 'likert':
      return `${scale.min}–${scale.max}`
    case 'labels':
      return scale.labels.join(' / ')
  }
}
