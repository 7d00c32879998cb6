import { useMemo } from 'react'
import {
  selectCaseEditActions,
  selectCaseOpsActions,
  selectDetailActions,
  selectSelection,
  selectVarNames,
} from '../../../stores/datasets/selectors'
import { useCaseEdit, useCaseOps, useCaseTable, useDatasetDetail } from '../../../stores/hooks'

export interface CaseCommands {
  /** Adds an empty case and opens it in the case panel to fill in. */
  addCase: () => void
  duplicateSelected: () => void
  /** Opens the confirmation naming how many cases go. */
  deleteSelected: () => void
  tagSelected: () => void
  newFromSelection: () => void
  selectedIds: ReadonlySet<string>
}

/** What the toolbar buttons and the table's keys both do to the selection. */
export function useCaseCommands(datasetId: string): CaseCommands {
  const selection = useCaseTable(selectSelection)
  const varNames = useCaseTable(selectVarNames)
  const { add, duplicate } = useCaseOps(selectCaseOpsActions)
  const { openPanel } = useCaseEdit(selectCaseEditActions)
  const { openDialog } = useDatasetDetail(selectDetailActions)
  const ids = selection.ids

  return useMemo(
    () => ({
      selectedIds: ids,
      addCase: () => {
        void add(datasetId, varNames).then((created) => created && openPanel(created))
      },
      duplicateSelected: () => {
        if (ids.size > 0) void duplicate([...ids])
      },
      deleteSelected: () => {
        if (ids.size > 0) openDialog('delete')
      },
      tagSelected: () => {
        if (ids.size > 0) openDialog('tag')
      },
      newFromSelection: () => {
        if (ids.size > 0) openDialog('newFromSelection')
      },
    }),
    [ids, varNames, add, duplicate, openPanel, openDialog, datasetId],
  )
}
