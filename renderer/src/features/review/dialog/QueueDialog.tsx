import { useMemo, useState } from 'react'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { useRubricList } from '../../../queries/rubrics'
import { useQueues } from '../../../stores/hooks'
import {
  draftOf,
  initialQueueForm,
  presetOrFirst,
  toggled,
  type QueueForm,
} from '../../../stores/review/queue-form'
import { selectCreateSubmit, selectDialogPreset, selectQueuesActions } from '../../../stores/review/selectors'
import { useRunList } from '../../../queries/runs'
import { AssigneeField } from './AssigneeField'
import { ModeFields, SourceFields } from './SourceFields'
import { QueueSize } from './QueueSize'

export type SetForm = (change: Partial<QueueForm>) => void

/** New queue: which run and rubric, which results, single or pairwise, who reviews and how many per item. */
export function QueueDialog() {
  const { runs } = useRunList()
  const { rubrics } = useRubricList()
  const submit = useQueues(selectCreateSubmit)
  const preset = useQueues(selectDialogPreset)
  const { create, closeDialog } = useQueues(selectQueuesActions)
  const [form, setFormState] = useState<QueueForm>(() =>
    initialQueueForm(presetOrFirst(runs, preset?.runId), presetOrFirst(rubrics, preset?.rubricId)),
  )
  const [error, setError] = useState<string | null>(null)
  const set: SetForm = (change) => setFormState((f) => ({ ...f, ...change }))
  const run = runs.find((r) => r.id === form.runId)
  const rubric = rubrics.find((r) => r.id === form.rubricId)
  const busy = submit.status === 'busy'

  const runOptions = useMemo(() => runs.map((r) => ({ id: r.id, name: r.name })), [runs])

  function onSubmit(): void {
    const result = draftOf(form, rubric, run)
    if (!result.ok) return setError(result.error)
    setError(null)
    void create(result.draft)
  }

  return (
    <Dialog title="New review queue" testId="queue-dialog" onClose={closeDialog} className="wide">
      <form
        className="dialog-body queue-form"
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit()
        }}
      >
        <Field label="Name">
          <input data-testid="queue-name" value={form.name} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field label="Run">
          <select
            data-testid="queue-run"
            value={form.runId}
            onChange={(e) => {
              const next = runs.find((r) => r.id === e.target.value)
              const fresh = initialQueueForm(next, rubric)
              set({ runId: e.target.value, pairA: fresh.pairA, pairB: fresh.pairB })
            }}
          >
            {runOptions.length === 0 ? <option value="">No runs yet</option> : null}
            {runOptions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Rubric">
          <select
            data-testid="queue-rubric"
            value={form.rubricId}
            onChange={(e) => {
              const next = rubrics.find((r) => r.id === e.target.value)
              set({ rubricId: e.target.value, criterionKeys: next?.criteria.map((c) => c.key) ?? [] })
            }}
          >
            {rubrics.length === 0 ? <option value="">No rubrics yet (add one in Settings)</option> : null}
            {rubrics.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} v{r.version}
              </option>
            ))}
          </select>
        </Field>
        {rubric ? (
          <fieldset className="queue-criteria">
            <legend>Criteria to review</legend>
            {rubric.criteria.map((c) => (
              <label key={c.key} className="check">
                <input
                  type="checkbox"
                  data-testid="queue-criterion"
                  data-key={c.key}
                  checked={form.criterionKeys.includes(c.key)}
                  onChange={(e) =>
                    set({ criterionKeys: toggled(form.criterionKeys, c.key, e.target.checked) })
                  }
                />
                {c.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <SourceFields form={form} run={run} set={set} />
        <ModeFields form={form} run={run} set={set} />
        <QueueSize form={form} run={run} />
        <AssigneeField form={form} set={set} />
        <label className="check">
          <input
            type="checkbox"
            data-testid="queue-blind"
            checked={form.blind}
            onChange={(e) => set({ blind: e.target.checked })}
          />
          Blind: hide which model and prompt version wrote each output
        </label>
        {error ? (
          <p className="field-error" role="alert" data-testid="queue-form-error">
            {error}
          </p>
        ) : null}
        {submit.error ? (
          <ErrorNotice title="Queue not created" error={submit.error} testId="queue-create-error" />
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="queue-create" disabled={busy}>
            Create queue
          </button>
        </div>
      </form>
    </Dialog>
  )
}
