import {
  isReservedVariable,
  keyColumnNames,
  normaliseColumnName,
} from '../../../../../shared/domain/template-names'
import { conversationRoleFor } from './conversation-columns'
import { EXPECTED_JSON_PREFIX, EXPECTED_PREFIX, TAGS_JSON_COLUMN, TAG_SEPARATOR, VAR_PREFIX } from './layout'
import type { ColumnMapping, ColumnRole, ExpectedType } from './mapping-schema'
import { fromEntries, type ParsedTable } from './table'
import { isPlainObject } from './values'

export { applyMapping, mapTable, generatedKey } from './apply-mapping'
export type { ApplyOptions, ApplyResult, MappedTable, RowOutcome } from './apply-mapping'

const NOTES_NAMES = ['notes', 'note', 'description', 'comment', 'comments']
const OUTPUT_NAMES = [
  'expected_output',
  'expectedoutput',
  'expected',
  'expected_answer',
  'ideal',
  'reference',
]
const TAGS_NAMES = ['tags', 'tag', 'labels']
const TAG_PREFIX_NAMES = ['segment', 'cohort', 'difficulty', 'lang', 'language', 'channel']
/** How many rows suggestMapping looks at to guess value types and separators. */
const SAMPLE_ROWS = 200

/**
 * A first mapping for the UI to show: Eval Lab's own column names exactly (`vars.<name>`, `expected.<name>`,
 * ...), then a column named like a known prompt variable → that var (a key-named one, e.g. `id` when the
 * prompt uses `{{id}}`, → the key, kept as that variable too), `id`/`key`/`case_id` → key,
 * `expected_*` → expected field, `expected_output`/`expected` → expected output, `tags` → tags,
 * `segment`/`cohort`/`difficulty`/`lang`... → a prefixed tag, `notes`/`description` → notes, a column of turns
 * named like `messages`/`conversation` → the conversation (see conversation-columns.ts), and any other
 * column → a var of its own name (nothing is dropped unless the user says so).
 */
export function suggestMapping(table: ParsedTable, knownVariables: readonly string[] = []): ColumnMapping {
  if (table.layout === 'evallab' && table.format === 'jsonl') return fromEntries(table.columns.map(jsonlRole))
  const taken = new Set<string>()
  const entries: [string, ColumnRole][] = []
  for (const column of table.columns) {
    const role = firstFree(candidates(table, column, knownVariables), taken)
    for (const occupied of slots(role)) taken.add(occupied)
    entries.push([column, role])
  }
  return fromEntries(entries)
}

/** Our JSONL export's fields map one to one. */
function jsonlRole(field: string): [string, ColumnRole] {
  const roles: Record<string, ColumnRole> = {
    key: { role: 'key' },
    vars: { role: 'varsObject' },
    expected: { role: 'expectedObject' },
    expectedOutput: { role: 'expectedOutput' },
    tags: { role: 'tags' },
    notes: { role: 'notes' },
    messages: { role: 'conversation' },
    tool_results: { role: 'toolResults' },
  }
  return [field, roles[field] ?? { role: 'ignore' }]
}

/** The roles a column could take, best first; the first one no earlier column took wins. */
function candidates(table: ParsedTable, column: string, known: readonly string[]): ColumnRole[] {
  const name = normalise(column)
  const prefixed = prefixedRole(table, column)
  // `{{case.key}}` is the key itself, never a column's variable.
  const knownVar = known.find((v) => !isReservedVariable(v) && normalise(v) === name)
  const list: ColumnRole[] = []
  if (prefixed) list.push(prefixed)
  const conversation = conversationRoleFor(table, column, sample(table, column))
  if (conversation) list.push(conversation)
  // The key stays stable across re-imports, and the prompt keeps the name it (and its application) uses.
  if (knownVar !== undefined && keyColumnNames.includes(name)) list.push({ role: 'key', alsoVar: knownVar })
  if (knownVar !== undefined) list.push({ role: 'var', name: knownVar })
  list.push(...namedRoles(table, column, name))
  list.push({ role: 'var', name: column.trim() }, { role: 'ignore' })
  return list
}

function prefixedRole(table: ParsedTable, column: string): ColumnRole | null {
  const after = (prefix: string) => column.slice(prefix.length).trim()
  if (column.startsWith(VAR_PREFIX) && after(VAR_PREFIX)) return { role: 'var', name: after(VAR_PREFIX) }
  if (column.startsWith(EXPECTED_JSON_PREFIX) && after(EXPECTED_JSON_PREFIX)) {
    return { role: 'expected', name: after(EXPECTED_JSON_PREFIX), type: 'json' }
  }
  if (column.startsWith(EXPECTED_PREFIX) && after(EXPECTED_PREFIX)) {
    return { role: 'expected', name: after(EXPECTED_PREFIX), type: valueType(table, column) }
  }
  if (column === TAGS_JSON_COLUMN) return { role: 'tags', json: true }
  return null
}

function namedRoles(table: ParsedTable, column: string, name: string): ColumnRole[] {
  const objects = sample(table, column).some(isPlainObject)
  if (name === 'vars' && objects) return [{ role: 'varsObject' }]
  if (name === 'expected' && objects) return [{ role: 'expectedObject' }]
  if (keyColumnNames.includes(name)) return [{ role: 'key' }]
  if (OUTPUT_NAMES.includes(name)) return [{ role: 'expectedOutput' }]
  if (TAGS_NAMES.includes(name)) return [{ role: 'tags', separator: guessSeparator(table, column) }]
  if (TAG_PREFIX_NAMES.includes(name)) return [{ role: 'tag', prefix: name }]
  if (NOTES_NAMES.includes(name)) return [{ role: 'notes' }]
  if (name.startsWith('expected_') && name.length > 'expected_'.length) {
    return [
      { role: 'expected', name: column.trim().slice('expected_'.length), type: valueType(table, column) },
    ]
  }
  return []
}

/** Lower case, with spaces, dashes and dots as underscores: `Case ID` and `case-id` both read `case_id`. */
const normalise = normaliseColumnName

/** What a role occupies: var or expected names, the single key/output/notes... column; none when shared. */
function slots(role: ColumnRole): string[] {
  if (role.role === 'var') return [`var:${role.name}`]
  if (role.role === 'expected') return [`expected:${role.name}`]
  if (role.role === 'key') return role.alsoVar === undefined ? ['key'] : ['key', `var:${role.alsoVar}`]
  if (role.role === 'ignore' || role.role === 'tag' || role.role === 'tags') return []
  return [role.role]
}

function firstFree(roles: ColumnRole[], taken: Set<string>): ColumnRole {
  return roles.find((r) => !slots(r).some((s) => taken.has(s))) ?? { role: 'ignore' }
}

function sample(table: ParsedTable, column: string): unknown[] {
  return table.rows
    .slice(0, SAMPLE_ROWS)
    .map((r) => r.values[column])
    .filter((v) => v !== undefined && v !== null && v !== '')
}

/** JSON sources carry types: numbers → number, booleans → boolean, objects or mixes → json. Text stays text. */
function valueType(table: ParsedTable, column: string): ExpectedType | undefined {
  const types = new Set(sample(table, column).map((v) => typeof v))
  if (types.size === 0 || (types.size === 1 && types.has('string'))) return undefined
  if (types.size === 1 && types.has('number')) return 'number'
  if (types.size === 1 && types.has('boolean')) return 'boolean'
  return 'json'
}

/** Our own layout joins tags with `|`; elsewhere the separator used most in the sample, `,` by default. */
function guessSeparator(table: ParsedTable, column: string): string {
  if (table.layout === 'evallab') return TAG_SEPARATOR
  const texts = sample(table, column).filter((v): v is string => typeof v === 'string')
  const counts = ['|', ';', ','].map((sep) => ({ sep, n: texts.filter((t) => t.includes(sep)).length }))
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a))
  return best.n > 0 ? best.sep : ','
}
