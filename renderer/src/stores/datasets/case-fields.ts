import type { MethodInput } from '../../../../shared/contract'
import type { ConversationTurn } from '../../../../shared/domain/conversation'
import type { DatasetCase } from '../../../../shared/domain/datasets'

export type CasePatch = MethodInput<'cases.update'>['patch']

/**
 * Table columns, also the `data-column` of each cell: `key`, `var:<name>` (one per variable),
 * `expectedOutput`, `expected` (the expected fields, compact), `tags`, `notes`.
 */
export function tableColumns(varNames: readonly string[]): string[] {
  return ['key', ...varNames.map((name) => `var:${name}`), 'expectedOutput', 'expected', 'tags', 'notes']
}

export function columnLabel(column: string): string {
  if (column.startsWith('var:')) return column.slice(4)
  const labels: Record<string, string> = {
    key: 'Key',
    expectedOutput: 'Expected output',
    expected: 'Expected fields',
    tags: 'Tags',
    notes: 'Notes',
  }
  return labels[column] ?? column
}

/** Expected fields are edited in the case panel (they carry types); everything else edits in place. */
export function isInlineEditable(column: string): boolean {
  return column !== 'expected'
}

/** Cells whose text may span lines: edited in a textarea (Shift+Enter adds a line). */
export function isMultiline(column: string): boolean {
  return column.startsWith('var:') || column === 'notes' || column === 'expectedOutput'
}

/** `category: billing · priority: 2`; values other than text as compact JSON. */
export function compactExpected(expected: Record<string, unknown>): string {
  return Object.entries(expected)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
}

/** The text a cell shows and its editor starts with. */
export function cellText(row: DatasetCase, column: string): string {
  if (column.startsWith('var:')) return row.vars[column.slice(4)] ?? ''
  switch (column) {
    case 'key':
      return row.key
    case 'expectedOutput':
      return row.expectedOutput ?? ''
    case 'expected':
      return compactExpected(row.expected)
    case 'tags':
      return row.tags.join(', ')
    case 'notes':
      return row.notes
    default:
      return ''
  }
}

/** "segment:smb, urgent ,, urgent" → ['segment:smb', 'urgent']: commas separate tags, blanks and repeats go. */
export function parseTags(text: string): string[] {
  const tags: string[] = []
  for (const part of text.split(',')) {
    const tag = part.trim()
    if (tag && !tags.includes(tag)) tags.push(tag)
  }
  return tags
}

/** The cases.update patch for one edited cell, or null when the text is what the cell already holds. */
export function cellPatch(row: DatasetCase, column: string, draft: string): CasePatch | null {
  if (column.startsWith('var:')) {
    const name = column.slice(4)
    if ((row.vars[name] ?? '') === draft) return null
    return { vars: { ...row.vars, [name]: draft } }
  }
  switch (column) {
    case 'key':
      return draft.trim() === row.key ? null : { key: draft.trim() }
    case 'expectedOutput': {
      const next = draft === '' ? null : draft
      return next === row.expectedOutput ? null : { expectedOutput: next }
    }
    case 'tags': {
      const tags = parseTags(draft)
      return tags.join('\n') === row.tags.join('\n') ? null : { tags }
    }
    case 'notes':
      return draft === row.notes ? null : { notes: draft }
    default:
      return null
  }
}

/** A conversation as plain text, one `role: content` block per turn (for tooltips and the snapshot diff). */
export function turnsText(turns: readonly ConversationTurn[]): string {
  return turns.map((t) => `${t.role}: ${t.content}`).join('\n\n')
}
