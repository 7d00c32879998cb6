import type { CaseEditState } from './case-edit-store'
import type { CaseOpsState } from './case-ops-store'
import type { CaseTableState } from './case-table-store'
import type { DatasetsState } from './datasets-store'
import type { DetailState } from './detail-store'
import type { DuplicatesState } from './duplicates-store'
import type { SnapshotDiffState } from './snapshot-diff-store'

// The list
export const selectDatasetActions = (s: DatasetsState) => s.actions
export const selectCreateOpen = (s: DatasetsState) => s.createOpen

// The open dataset
export const selectOpenDatasetId = (s: DetailState) => s.selectedId
export const selectDatasetView = (s: DetailState) => s.view
export const selectDatasetPanel = (s: DetailState) => s.panel
export const selectDatasetDialog = (s: DetailState) => s.dialog
export const selectDetailsSave = (s: DetailState) => s.detailsSave
export const selectSnapshotSave = (s: DetailState) => s.snapshotSave
export const selectExporting = (s: DetailState) => s.exporting
export const selectExportSource = (s: DetailState) => s.exportSource
export const selectDetailActions = (s: DetailState) => s.actions
export const selectGenerateTags = (s: DetailState) => s.generateTags
export const selectGenerated = (s: DetailState) => s.generated

// The case table
export const selectCaseQuery = (s: CaseTableState) => s.query
export const selectVarNames = (s: CaseTableState) => s.varNames
export const selectSelection = (s: CaseTableState) => s.selection
export const selectSelectedCount = (s: CaseTableState) => s.selection.ids.size
export const selectSelectingAll = (s: CaseTableState) => s.selectingAll
export const selectActiveRow = (s: CaseTableState) => s.active
export const selectActiveColumn = (s: CaseTableState) => s.activeColumn
export const selectCaseTableActions = (s: CaseTableState) => s.actions

export const selectIsFiltered = (s: CaseTableState): boolean =>
  !!s.query && (s.query.search.trim() !== '' || s.query.tags.length > 0)

// Editing
export const selectCellEdit = (s: CaseEditState) => s.cell
export const selectCellSave = (s: CaseEditState) => s.cellSave
export const selectCaseForm = (s: CaseEditState) => s.form
export const selectCaseFormErrors = (s: CaseEditState) => s.formErrors
export const selectCaseFormSave = (s: CaseEditState) => s.formSave
export const selectCaseEditActions = (s: CaseEditState) => s.actions

// Operations on cases
export const selectCaseOp = (s: CaseOpsState) => s.op
export const selectCaseOpState = (s: CaseOpsState) => s.state
export const selectCaseOpOutcome = (s: CaseOpsState) => s.outcome
export const selectCaseOpsActions = (s: CaseOpsState) => s.actions

// Snapshot diff
export const selectSnapshotPair = (s: SnapshotDiffState) => s.pair
export const selectSnapshotDiffDatasetId = (s: SnapshotDiffState) => s.datasetId

// Duplicates
export const selectDuplicatesThreshold = (s: DuplicatesState) => s.threshold
export const selectDuplicatesDatasetId = (s: DuplicatesState) => s.datasetId
export const selectDuplicatesActions = (s: DuplicatesState) => s.actions
