import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import type { CaseForm } from '../../../stores/datasets/case-form'
import {
  selectCaseEditActions,
  selectCaseForm,
  selectCaseFormErrors,
  selectCaseFormSave,
} from '../../../stores/datasets/selectors'
import { useCaseEdit } from '../../../stores/hooks'
import { CaseTurnsEditor } from './CaseTurnsEditor'
import { CaseVarsEditor } from './CaseVarsEditor'

/**
 * The whole case in one form: key, every variable, the conversation's turns and canned tool results, expected
 * output and fields (JSON), tags and notes.
 */
export function CaseEditPanel() {
  const form = useCaseEdit(selectCaseForm)
  const errors = useCaseEdit(selectCaseFormErrors)
  const save = useCaseEdit(selectCaseFormSave)
  const { setForm, closePanel, savePanel } = useCaseEdit(selectCaseEditActions)
  if (!form) return null
  const set = <K extends keyof CaseForm>(key: K, value: CaseForm[K]) => setForm({ ...form, [key]: value })

  return (
    <form
      className="case-panel"
      data-testid="case-panel"
      data-case-id={form.caseId}
      aria-label={`Edit case ${form.key}`}
      onSubmit={(e) => {
        e.preventDefault()
        void savePanel()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          closePanel()
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault()
          void savePanel()
        }
      }}
    >
      <header className="panel-head">
        <h3>Edit case</h3>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          data-testid="case-panel-close"
          onClick={closePanel}
        >
          ×
        </button>
      </header>
      <Field label="Key" error={errors.key} hint="Stable id of the case in this dataset; runs refer to it.">
        <input
          type="text"
          data-testid="case-panel-key"
          value={form.key}
          onChange={(e) => set('key', e.target.value)}
        />
      </Field>
      <CaseVarsEditor vars={form.vars} error={errors.vars} onChange={(vars) => set('vars', vars)} />
      <CaseTurnsEditor turns={form.turns} onChange={(turns) => set('turns', turns)} />
      <Field
        label="Canned tool results (JSON object)"
        error={errors.toolResultsJson}
        hint='Tool name → result text, or a list answering its calls in order: {"lookup_order": "shipped"}'
      >
        <textarea
          className="mono"
          data-testid="case-panel-tool-results"
          rows={3}
          spellCheck={false}
          value={form.toolResultsJson}
          onChange={(e) => set('toolResultsJson', e.target.value)}
        />
      </Field>
      <Field label="Expected output" hint="Leave empty when there is no single right answer.">
        <textarea
          data-testid="case-panel-expected-output"
          rows={3}
          value={form.expectedOutput}
          onChange={(e) => set('expectedOutput', e.target.value)}
        />
      </Field>
      <Field label="Expected fields (JSON object)" error={errors.expectedJson}>
        <textarea
          className="mono"
          data-testid="case-panel-expected"
          rows={4}
          spellCheck={false}
          value={form.expectedJson}
          onChange={(e) => set('expectedJson', e.target.value)}
        />
      </Field>
      <Field label="Tags" hint="Separate with commas: segment:enterprise, lang:de, refund">
        <input
          type="text"
          data-testid="case-panel-tags"
          value={form.tags}
          onChange={(e) => set('tags', e.target.value)}
        />
      </Field>
      <Field label="Notes">
        <textarea
          data-testid="case-panel-notes"
          rows={3}
          value={form.notes}
          onChange={(e) => set('notes', e.target.value)}
        />
      </Field>
      {save.error ? (
        <ErrorNotice title="Case not saved" error={save.error} testId="case-panel-error" />
      ) : null}
      {save.status === 'done' ? (
        <p className="save-ok" role="status" data-testid="case-panel-saved">
          Saved.
        </p>
      ) : null}
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={closePanel}>
          Close
        </button>
        <button
          type="submit"
          className="button primary"
          data-testid="case-panel-save"
          disabled={save.status === 'busy'}
        >
          Save case
        </button>
      </footer>
    </form>
  )
}
