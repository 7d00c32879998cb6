import { useState } from 'react'
import type { Rubric } from '../../../../shared/domain/scoring'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useSaveRubric } from '../../queries/rubrics'
import { submitOf } from '../../queries/submit'
import {
  blankCriterion,
  rubricFromForm,
  type CriterionForm,
  type RubricForm,
} from '../../stores/scoring/rubric-form'
import { CriterionEditor } from './CriterionEditor'

interface Props {
  initial: RubricForm
  /** Called with the saved rubric, or null when the user cancelled. */
  onDone: (saved: Rubric | null) => void
}

/** A rubric's name, description and criteria; saving a change makes the next version. */
export function RubricEditor({ initial, onDone }: Props) {
  const [form, setForm] = useState(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const saveCall = useSaveRubric()
  const save = submitOf(saveCall)
  const patch = (p: Partial<RubricForm>) => {
    setForm((f) => ({ ...f, ...p }))
    setProblem(null)
  }
  const patchCriterion = (rowId: number, p: Partial<CriterionForm>) =>
    patch({ criteria: form.criteria.map((c) => (c.rowId === rowId ? { ...c, ...p } : c)) })

  const onSubmit = async () => {
    const built = rubricFromForm(form)
    if ('problem' in built) return setProblem(built.problem)
    const saved = await saveCall.mutateAsync(built.draft).catch(() => null)
    if (saved) onDone(saved)
  }

  return (
    <form
      className="rubric-editor"
      data-testid="rubric-editor"
      aria-label={form.keyLocked ? `Edit rubric ${form.key}` : 'New rubric'}
      onSubmit={(event) => {
        event.preventDefault()
        if (save.status !== 'busy') void onSubmit()
      }}
    >
      <h3>{form.keyLocked ? `Edit ${initial.name}` : 'New rubric'}</h3>
      <div className="field-row">
        <Field
          label="Key"
          className="medium"
          hint={form.keyLocked ? 'Fixed: versions share it.' : 'e.g. reply-quality'}
        >
          <input
            type="text"
            className="mono-input"
            data-testid="rubric-key"
            spellCheck={false}
            readOnly={form.keyLocked}
            value={form.key}
            onChange={(e) => patch({ key: e.target.value })}
          />
        </Field>
        <Field label="Name" className="grow">
          <input
            type="text"
            data-testid="rubric-name"
            data-autofocus
            maxLength={200}
            value={form.name}
            onChange={(e) => patch({ name: e.target.value })}
          />
        </Field>
      </div>
      <Field label="Description">
        <textarea
          data-testid="rubric-description"
          rows={2}
          maxLength={5000}
          value={form.description}
          onChange={(e) => patch({ description: e.target.value })}
        />
      </Field>
      <ol className="criteria-list" aria-label="Criteria">
        {form.criteria.map((c, index) => (
          <CriterionEditor
            key={c.rowId}
            index={index}
            criterion={c}
            canRemove={form.criteria.length > 1}
            onChange={(p) => patchCriterion(c.rowId, p)}
            onRemove={() => patch({ criteria: form.criteria.filter((x) => x.rowId !== c.rowId) })}
          />
        ))}
      </ol>
      <div className="toolbar">
        <button
          type="button"
          className="button small"
          data-testid="criterion-add"
          disabled={form.criteria.length >= 30}
          onClick={() => patch({ criteria: [...form.criteria, blankCriterion()] })}
        >
          Add criterion
        </button>
      </div>
      {problem ? (
        <p className="field-error" role="alert" data-testid="rubric-problem">
          {problem}
        </p>
      ) : null}
      {save.error ? (
        <ErrorNotice title="Rubric not saved" error={save.error} testId="rubric-save-error" />
      ) : null}
      <footer className="dialog-actions">
        <button
          type="button"
          className="button small"
          data-testid="rubric-cancel"
          onClick={() => {
            saveCall.reset()
            onDone(null)
          }}
        >
          Cancel
        </button>
        <button
          type="submit"
          className="button small primary"
          data-testid="rubric-save"
          disabled={save.status === 'busy'}
        >
          {save.status === 'busy' ? 'Saving…' : form.keyLocked ? 'Save as a new version' : 'Save rubric'}
        </button>
      </footer>
    </form>
  )
}
