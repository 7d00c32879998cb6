import { useId, useMemo, useState } from 'react'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { plural } from '../../../components/format'
import { parseTags } from '../../../stores/datasets/case-fields'
import {
  selectCaseOp,
  selectCaseOpState,
  selectCaseOpsActions,
  selectDetailActions,
  selectSelection,
} from '../../../stores/datasets/selectors'
import { useCaseOps, useCaseTable, useDatasetDetail } from '../../../stores/hooks'

/** Adds and removes tags on every selected case at once (cases.tag). */
export function TagCasesDialog({ tagCounts }: { tagCounts: Record<string, number> }) {
  const selection = useCaseTable(selectSelection)
  const { closeDialog } = useDatasetDetail(selectDetailActions)
  const state = useCaseOps(selectCaseOpState)
  const op = useCaseOps(selectCaseOp)
  const { tag } = useCaseOps(selectCaseOpsActions)
  const [add, setAdd] = useState('')
  const [remove, setRemove] = useState<string[]>([])
  const listId = useId()
  const known = useMemo(() => Object.keys(tagCounts).sort(), [tagCounts])
  const ids = [...selection.ids]
  const toAdd = parseTags(add)
  const nothing = toAdd.length === 0 && remove.length === 0

  const onConfirm = async () => {
    if ((await tag(ids, toAdd, remove)) !== null) closeDialog()
  }

  return (
    <Dialog title={`Tag ${plural(ids.length, 'case')}`} testId="tag-dialog" onClose={closeDialog}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault()
          if (!nothing) void onConfirm()
        }}
      >
        <Field label="Add tags" hint="Separate tags with commas, e.g. segment:enterprise, lang:de, refund">
          <input
            type="text"
            data-testid="tag-add-input"
            data-autofocus
            list={listId}
            value={add}
            onChange={(e) => setAdd(e.target.value)}
          />
        </Field>
        <datalist id={listId}>
          {known.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {known.length > 0 ? (
          <fieldset className="tag-remove">
            <legend>Remove tags</legend>
            {known.map((t) => (
              <label key={t} className="check">
                <input
                  type="checkbox"
                  data-testid="tag-remove"
                  data-tag={t}
                  checked={remove.includes(t)}
                  onChange={(e) =>
                    setRemove((r) => (e.target.checked ? [...r, t] : r.filter((x) => x !== t)))
                  }
                />
                {t}
              </label>
            ))}
          </fieldset>
        ) : null}
        {op === 'tag' && state.error ? (
          <ErrorNotice title="Not tagged" error={state.error} testId="tag-error" />
        ) : null}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="confirm-tag"
            disabled={state.status === 'busy' || nothing || ids.length === 0}
          >
            Apply to {plural(ids.length, 'case')}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
