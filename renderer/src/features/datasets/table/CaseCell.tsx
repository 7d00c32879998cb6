import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { CellEdit } from '../../../stores/datasets/case-edit-store'
import { cellText, isInlineEditable } from '../../../stores/datasets/case-fields'
import { CellEditor } from './CellEditor'
import { ConversationBadge } from './ConversationBadge'
import { TagChips } from './TagChips'

interface Props {
  row: DatasetCase
  column: string
  active: boolean
  edit: CellEdit | null
}

/** One cell: the case's text (always as text, never as markup), or its editor while editing. */
export function CaseCell({ row, column, active, edit }: Props) {
  return (
    <div
      className="case-cell"
      role="gridcell"
      data-testid="case-cell"
      data-column={column}
      data-active={active ? 'true' : undefined}
      data-editing={edit ? 'true' : undefined}
      aria-readonly={!isInlineEditable(column)}
    >
      {edit ? <CellEditor edit={edit} /> : <CellContent row={row} column={column} />}
    </div>
  )
}

function CellContent({ row, column }: { row: DatasetCase; column: string }) {
  if (column === 'tags') return <TagChips tags={row.tags} />
  if (column === 'key' && row.conversation) {
    return (
      <>
        <span className="cell-text">{row.key}</span> <ConversationBadge turns={row.conversation} />
      </>
    )
  }
  if (column === 'expectedOutput' && row.expectedOutput === null) return <span className="cell-none">—</span>
  const text = cellText(row, column)
  if (column.startsWith('var:') && !(column.slice(4) in row.vars)) return <span className="cell-none">—</span>
  return (
    <span className="cell-text" title={text.length > 40 || text.includes('\n') ? text : undefined}>
      {text}
    </span>
  )
}
