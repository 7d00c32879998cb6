import { normaliseColumnName } from '../../../../../shared/domain/template-names'
import { toConversation, toToolResults } from './conversation-cells'
import { CONVERSATION_COLUMN, TOOL_RESULTS_COLUMN } from './layout'
import type { ColumnRole } from './mapping-schema'
import type { ParsedTable } from './table'

/** Column names under which files keep a case's turns, and its canned tool results. */
const CONVERSATION_NAMES = ['conversation', 'messages', 'turns', 'chat', 'dialogue', 'history']
const TOOL_RESULTS_NAMES = ['tool_results', 'toolresults', 'tool_outputs', 'canned_tool_results']

/**
 * The conversation or tool-results role a column should get, or null. Our own layouts (and promptfoo's, which
 * the reader turns into ours) name them exactly; in any other file the column must be named like one and its
 * sampled values must read as one — a `history` column of plain text stays a variable.
 */
export function conversationRoleFor(
  table: ParsedTable,
  column: string,
  sampled: readonly unknown[],
): ColumnRole | null {
  if (table.layout !== 'generic') {
    if (column === CONVERSATION_COLUMN) return { role: 'conversation' }
    if (column === TOOL_RESULTS_COLUMN) return { role: 'toolResults' }
    return null
  }
  const name = normaliseColumnName(column)
  const readsAs = (check: (value: unknown) => { value: unknown } | { problem: unknown }) =>
    sampled.length > 0 &&
    sampled.every((v) => {
      const r = check(v)
      return 'value' in r && r.value !== null
    })
  if (CONVERSATION_NAMES.includes(name) && readsAs(toConversation)) return { role: 'conversation' }
  if (TOOL_RESULTS_NAMES.includes(name) && readsAs(toToolResults)) return { role: 'toolResults' }
  return null
}
