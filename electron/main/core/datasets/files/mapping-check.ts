import type { ColumnMapping, ColumnRole } from './mapping-schema'
import type { FileIssue, ParsedTable } from './table'

/** The variable a key column also fills, if any. */
export function keyVarOf(role: ColumnRole): string | null {
  return role.role === 'key' ? (role.alsoVar ?? null) : null
}

/** A role that gives a case its input: a variable, or a conversation (a chat case may have no variables). */
export function mapsInput(role: ColumnRole): boolean {
  return (
    role.role === 'var' ||
    role.role === 'varsObject' ||
    role.role === 'conversation' ||
    keyVarOf(role) !== null
  )
}

/** Roles a mapping may give to one column only. */
const SINGLE_ROLES: ColumnRole['role'][] = [
  'key',
  'expectedOutput',
  'varsObject',
  'conversation',
  'toolResults',
]

/** What is wrong with the mapping as a whole: these issues name no row, and only a new mapping fixes them. */
export function checkMapping(table: ParsedTable, mapping: ColumnMapping): FileIssue[] {
  const { file } = table
  const issues: FileIssue[] = []
  const entries = Object.entries(mapping)
  for (const [column] of entries) {
    if (!table.columns.includes(column)) {
      issues.push({ file, column, message: 'the mapping names a column the file does not have' })
    }
  }
  for (const role of SINGLE_ROLES) {
    const columns = entries.filter(([, r]) => r.role === role).map(([c]) => c)
    if (columns.length > 1)
      issues.push({ file, message: `only one column can be the ${role}: ${quoteList(columns)}` })
  }
  issues.push(
    ...sameNames(file, entries, 'var', 'variable'),
    ...sameNames(file, entries, 'expected', 'expected field'),
  )
  const mapsVars = entries.some(([c, r]) => mapsInput(r) && table.columns.includes(c))
  if (!mapsVars) {
    issues.push({
      file,
      message:
        'no column is mapped to a variable or a conversation; map at least one column to a prompt variable',
    })
  }
  return issues
}

function sameNames(
  file: string,
  entries: [string, ColumnRole][],
  role: 'var' | 'expected',
  what: string,
): FileIssue[] {
  const byName = new Map<string, string[]>()
  for (const [column, r] of entries) {
    const name = r.role === role ? r.name : role === 'var' ? keyVarOf(r) : null
    if (name !== null) byName.set(name, [...(byName.get(name) ?? []), column])
  }
  return [...byName.entries()]
    .filter(([, columns]) => columns.length > 1)
    .map(([name, columns]) => ({
      file,
      message: `columns ${quoteList(columns)} all set the ${what} "${name}"`,
    }))
}

function quoteList(columns: string[]): string {
  return columns.map((c) => JSON.stringify(c)).join(', ')
}
