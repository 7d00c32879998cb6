import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { CellEdit } from '../../../stores/datasets/case-edit-store'
import { columnLabel, isMultiline } from '../../../stores/datasets/case-fields'
import { selectCaseEditActions, selectCellSave } from '../../../stores/datasets/selectors'
import { useCaseEdit } from '../../../stores/hooks'
import { appMode } from '../../../api/app-mode'
import { errorHint } from '../../../components/error-hint'

/** Gives focus back to the grid so arrow keys keep moving through the rows. */
function focusGrid(from: HTMLElement | null): void {
  from?.closest<HTMLElement>('[role="grid"]')?.focus({ preventScroll: true })
}

/**
 * Edits one cell in place: Enter (or leaving the field) saves with cases.update, Shift+Enter adds a line,
 * Esc cancels. A refusal (e.g. a key another case has) keeps the editor open with the core's reason.
 */
export function CellEditor({ edit }: { edit: CellEdit }) {
  const save = useCaseEdit(selectCellSave)
  const { setDraft, commitCell, cancelCell } = useCaseEdit(selectCaseEditActions)
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null)
  const multiline = isMultiline(edit.column)
  const lines = Math.min(8, Math.max(1, edit.draft.split('\n').length))

  useEffect(() => {
    const el = field.current
    if (!el) return
    el.focus({ preventScroll: true })
    el.setSelectionRange?.(el.value.length, el.value.length)
  }, [])

  const commit = async () => {
    const el = field.current
    if (await commitCell()) focusGrid(el)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation()
    if (event.key === 'Escape') {
      event.preventDefault()
      const el = field.current
      cancelCell()
      focusGrid(el)
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void commit()
    }
  }

  const common = {
    ref: field,
    className: 'cell-editor',
    'data-testid': 'cell-editor',
    'aria-label': `Edit ${columnLabel(edit.column)} of ${edit.row.key}`,
    'aria-invalid': save.error ? true : undefined,
    value: edit.draft,
    readOnly: save.status === 'busy',
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onKeyDown,
    onBlur: () => void commitCell(),
  }
  return (
    <div className="cell-editor-wrap">
      {multiline ? <textarea {...common} rows={lines} /> : <input type="text" {...common} />}
      {edit.column === 'tags' ? <span className="cell-editor-hint">Separate tags with commas</span> : null}
      {save.error ? (
        <span className="cell-error" role="alert" data-testid="cell-error" data-error-code={save.error.code}>
          {save.error.message} {errorHint(save.error, appMode())}
        </span>
      ) : null}
    </div>
  )
}
