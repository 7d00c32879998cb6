import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { selectImportActions } from '../../../stores/datasets/import-selectors'
import { selectDetailActions } from '../../../stores/datasets/selectors'
import { useDatasetDetail, useDatasetImport } from '../../../stores/hooks'
import { GenerateControls } from '../generate/GenerateControls'
import { ExportControls } from './ExportControls'
import { OpStatus } from './OpStatus'
import { SearchBox } from './SearchBox'
import { SelectionCount } from './SelectionCount'
import { ShortcutsHelp } from './ShortcutsHelp'
import { TagFilters } from './TagFilters'
import type { CaseCommands } from './use-case-commands'

/** Search and tag filters, then what can be done to the selected cases and to the dataset as a whole. */
export function CaseToolbar({ detail, commands }: { detail: DatasetDetail; commands: CaseCommands }) {
  const { openDialog } = useDatasetDetail(selectDetailActions)
  const { openImport } = useDatasetImport(selectImportActions)
  const none = commands.selectedIds.size === 0
  const needsSelection = none ? 'Select cases first (click their checkboxes, or Ctrl/Cmd+A)' : undefined

  return (
    <div className="case-toolbar">
      <div className="toolbar">
        <SearchBox />
        <button
          type="button"
          className="button small"
          data-testid="add-case"
          title="Add a case (N)"
          onClick={commands.addCase}
        >
          Add case
        </button>
        <button
          type="button"
          className="button small"
          data-testid="duplicate-cases"
          title={needsSelection ?? 'Duplicate the selected cases (D)'}
          disabled={none}
          onClick={commands.duplicateSelected}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button small"
          data-testid="delete-cases"
          title={needsSelection ?? 'Delete the selected cases (Delete)'}
          disabled={none}
          onClick={commands.deleteSelected}
        >
          Delete…
        </button>
        <button
          type="button"
          className="button small"
          data-testid="tag-cases"
          title={needsSelection ?? 'Add or remove tags on the selected cases (T)'}
          disabled={none}
          onClick={commands.tagSelected}
        >
          Tag…
        </button>
        <button
          type="button"
          className="button small"
          data-testid="new-from-selection"
          title={needsSelection ?? 'A new dataset, linked to this one, with copies of the selected cases'}
          disabled={none}
          onClick={commands.newFromSelection}
        >
          New dataset from selection…
        </button>
        <GenerateControls datasetId={detail.dataset.id} />
        <SelectionCount total={detail.dataset.caseCount} />
        <span className="toolbar-gap" />
        <ExportControls detail={detail} />
        <button
          type="button"
          className="button small"
          data-testid="snapshot-create"
          title="Freeze the working copy as a numbered snapshot that runs can reference"
          onClick={() => openDialog('snapshot')}
        >
          Snapshot…
        </button>
        <button
          type="button"
          className="button small"
          data-testid="import-dataset"
          onClick={() => openImport(detail.dataset.id)}
        >
          Import…
        </button>
        <ShortcutsHelp />
      </div>
      <TagFilters tagCounts={detail.dataset.tagCounts} />
      <OpStatus />
    </div>
  )
}
