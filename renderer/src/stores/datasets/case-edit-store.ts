import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import { submitBusy, submitDone, submitFailed, submitIdle, type SubmitState } from '../load-state'
import { cellPatch, cellText, isInlineEditable } from './case-fields'
import { formOf, formPatch, type CaseForm, type CaseFormErrors } from './case-form'

/** One cell being edited in place; `row` is the case as it was when editing began. */
export interface CellEdit {
  row: DatasetCase
  index: number
  column: string
  draft: string
}

export interface CaseEditActions {
  /** Starts editing a cell (not the expected fields: those open the case panel). */
  startCell: (row: DatasetCase, index: number, column: string) => void
  setDraft: (draft: string) => void
  cancelCell: () => void
  /** Saves the edited cell with cases.update; on a refusal the editor stays open with the reason. */
  commitCell: () => Promise<boolean>
  openPanel: (row: DatasetCase) => void
  setForm: (form: CaseForm) => void
  closePanel: () => void
  savePanel: () => Promise<boolean>
}

export interface CaseEditState {
  cell: CellEdit | null
  cellSave: SubmitState
  form: CaseForm | null
  formErrors: CaseFormErrors
  formSave: SubmitState
  actions: CaseEditActions
}

export type CaseEditStore = StoreApi<CaseEditState>

/** `onSaved` shows the saved case at once (the table replaces its row) while db.changed refetches. */
export function createCaseEditStore(
  client: ApiClient,
  onSaved: (updated: DatasetCase) => void = () => undefined,
): CaseEditStore {
  return createStore<CaseEditState>()((set, get) => ({
    cell: null,
    cellSave: submitIdle,
    form: null,
    formErrors: {},
    formSave: submitIdle,
    actions: {
      startCell(row, index, column) {
        if (!isInlineEditable(column)) return get().actions.openPanel(row)
        set({ cell: { row, index, column, draft: cellText(row, column) }, cellSave: submitIdle })
      },
      setDraft: (draft) => set((s) => (s.cell ? { cell: { ...s.cell, draft } } : s)),
      cancelCell: () => set({ cell: null, cellSave: submitIdle }),
      async commitCell() {
        const { cell, cellSave } = get()
        if (!cell || cellSave.status === 'busy') return false
        const patch = cellPatch(cell.row, cell.column, cell.draft)
        if (!patch) {
          set({ cell: null, cellSave: submitIdle })
          return true
        }
        set({ cellSave: submitBusy })
        try {
          const updated = await client.call('cases.update', { caseId: cell.row.id, patch })
          onSaved(updated)
          // Only close the editor that was saved: the user may have moved on to another cell meanwhile.
          const now = get().cell
          if (now && now.row.id === cell.row.id && now.column === cell.column) set({ cell: null })
          set({ cellSave: submitIdle })
          return true
        } catch (error) {
          set({ cellSave: submitFailed(toErrorInfo(error)) })
          return false
        }
      },
      openPanel: (row) =>
        set({ form: formOf(row), formErrors: {}, formSave: submitIdle, cell: null, cellSave: submitIdle }),
      setForm: (form) => set({ form }),
      closePanel: () => set({ form: null, formErrors: {}, formSave: submitIdle }),
      async savePanel() {
        const { form, formSave } = get()
        if (!form || formSave.status === 'busy') return false
        const outcome = formPatch(form)
        if ('errors' in outcome) {
          set({ formErrors: outcome.errors })
          return false
        }
        set({ formSave: submitBusy, formErrors: {} })
        try {
          const updated = await client.call('cases.update', { caseId: form.caseId, patch: outcome.patch })
          onSaved(updated)
          if (get().form?.caseId === updated.id) set({ form: formOf(updated) })
          set({ formSave: submitDone })
          return true
        } catch (error) {
          set({ formSave: submitFailed(toErrorInfo(error)) })
          return false
        }
      },
    },
  }))
}
