import { useState } from 'react'
import type { EvalSuiteDraft, Rubric } from '../../../../../shared/domain/scoring'
import { useSuite } from '../../../stores/hooks'
import { blankGateForm, formFromGate, isBinaryMetric } from '../../../stores/scoring/gate-form'
import { gateRuleText } from '../../../../../shared/lib/gate-text'
import { selectSuiteActions } from '../../../stores/scoring/selectors'
import { GateEditor } from './GateEditor'

/** The rules a version must pass before prod, read as sentences: "P95 latency ≤ 8 s". */
export function GateList({ draft, rubrics }: { draft: EvalSuiteDraft; rubrics: readonly Rubric[] }) {
  const { putGate, removeGate } = useSuite(selectSuiteActions)
  // undefined: the form is closed; null: a new rule; a number: the rule at that index.
  const [editing, setEditing] = useState<number | null | undefined>(undefined)
  const metrics = draft.scorers.map((s) => s.metric)
  const edited = editing === null || editing === undefined ? undefined : draft.gates[editing]

  return (
    <section className="suite-section" aria-labelledby="suite-gates">
      <div className="panel-head">
        <h4 id="suite-gates">Gate rules</h4>
        <button
          type="button"
          className="button small"
          data-testid="suite-add-gate"
          disabled={editing !== undefined}
          onClick={() => setEditing(null)}
        >
          Add rule
        </button>
      </div>
      {draft.gates.length === 0 ? (
        <p className="muted" data-testid="suite-no-gates">
          No gate rules: every evaluated run passes. Add one, e.g. a minimum format pass rate.
        </p>
      ) : (
        <ul className="suite-list">
          {draft.gates.map((rule, index) => {
            const metric = 'metric' in rule ? rule.metric : undefined
            const orphan = metric !== undefined && !metrics.includes(metric)
            return (
              <li
                key={index}
                className="suite-row"
                data-testid="suite-gate"
                data-kind={rule.kind}
                data-metric={metric}
              >
                <span className="suite-row-text" data-testid="gate-text">
                  {gateRuleText(rule, metric ? isBinaryMetric(metric, draft.scorers, rubrics) : null)}
                </span>
                {orphan ? (
                  <span className="field-error" data-testid="gate-orphan">
                    no scorer produces {metric}
                  </span>
                ) : null}
                <span className="toolbar">
                  <button
                    type="button"
                    className="button small"
                    data-testid="gate-edit"
                    disabled={editing !== undefined}
                    onClick={() => setEditing(index)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button small"
                    data-testid="gate-delete"
                    onClick={() => {
                      setEditing(undefined)
                      removeGate(index)
                    }}
                  >
                    Delete
                  </button>
                </span>
              </li>
            )
          })}
        </ul>
      )}
      {editing !== undefined ? (
        <GateEditor
          key={editing ?? '(new)'}
          initial={edited ? formFromGate(edited) : blankGateForm(metrics)}
          isNew={!edited}
          scorers={draft.scorers}
          rubrics={rubrics}
          onCancel={() => setEditing(undefined)}
          onSave={(rule) => {
            putGate(rule, edited ? (editing ?? null) : null)
            setEditing(undefined)
          }}
        />
      ) : null}
    </section>
  )
}
