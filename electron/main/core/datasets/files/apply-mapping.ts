import {
  isAbsent,
  isBlank,
  isObjectValue,
  normaliseTags,
  toExpected,
  toTags,
  toText,
  toVarText,
} from './cells'
import type { CellMode } from './cells'
import { toConversation, toToolResults, type CellProblem } from './conversation-cells'
import { checkMapping, mapsInput } from './mapping-check'
import type { ColumnMapping, ColumnRole } from './mapping-schema'
import { fromEntries, type FileIssue, type ImportedCase, type ParsedRow, type ParsedTable } from './table'

export interface ApplyOptions {
  /** Data rows the user chose to leave out: they are skipped, with their issues, and listed in `excluded`. */
  excludeRows?: readonly number[]
}

/** One row after mapping: its case, or the issues that stop it (a row that did not parse has no values). */
export interface RowOutcome {
  row: number
  line: number
  values: Record<string, unknown> | null
  case: ImportedCase | null
  issues: FileIssue[]
}

export interface MappedTable {
  /** Problems with the mapping itself (no row): the user must change the mapping. */
  mappingIssues: FileIssue[]
  outcomes: RowOutcome[]
  excluded: number[]
}

export interface ApplyResult {
  /** Every case, in file order — or none at all when there is any issue: an import is all-or-nothing. */
  cases: ImportedCase[]
  issues: FileIssue[]
  excluded: number[]
}

/**
 * Mapped cases of a parsed file. All-or-nothing: when anything is wrong (the mapping, a row that did not
 * parse, a wrong type, a duplicate key...) `cases` is empty and `issues` says where, so nothing is half-written.
 * Excluding the failing rows, explicitly, is the way to import the rest.
 */
export function applyMapping(
  table: ParsedTable,
  mapping: ColumnMapping,
  options: ApplyOptions = {},
): ApplyResult {
  const mapped = mapTable(table, mapping, options)
  const issues = [...mapped.mappingIssues, ...mapped.outcomes.flatMap((o) => o.issues)]
  const cases = issues.length > 0 ? [] : mapped.outcomes.flatMap((o) => (o.case ? [o.case] : []))
  return { cases, issues, excluded: mapped.excluded }
}

/** Every row's outcome, for the preview and for applyMapping. */
export function mapTable(
  table: ParsedTable,
  mapping: ColumnMapping,
  options: ApplyOptions = {},
): MappedTable {
  const excludedSet = new Set(options.excludeRows ?? [])
  const excluded = new Set<number>()
  const outcomes: RowOutcome[] = []
  const context = mappingContext(table, mapping)
  for (const row of table.rows) {
    if (excludedSet.has(row.row)) excluded.add(row.row)
    else outcomes.push(mapRow(context, row))
  }
  for (const issue of table.issues) {
    const row = issue.row
    if (row !== undefined && excludedSet.has(row)) excluded.add(row)
    else outcomes.push(failedRow(issue))
  }
  const merged = mergeByRow(outcomes)
  markDuplicateKeys(table.file, merged, keyColumn(mapping))
  return {
    mappingIssues: checkMapping(table, mapping),
    outcomes: merged,
    excluded: [...excluded].sort((a, b) => a - b),
  }
}

interface MappingContext {
  file: string
  mode: CellMode
  roles: [string, ColumnRole][]
  expectsVars: boolean
}

function mappingContext(table: ParsedTable, mapping: ColumnMapping): MappingContext {
  const roles = Object.entries(mapping).filter(([column]) => table.columns.includes(column))
  const expectsVars = roles.some(([, r]) => mapsInput(r))
  return {
    file: table.file,
    mode: {
      strict: table.layout !== 'generic',
      textCells: table.format === 'csv',
      quotedEmpty: table.format === 'csv',
    },
    roles,
    expectsVars,
  }
}

function keyColumn(mapping: ColumnMapping): string | undefined {
  return Object.entries(mapping).find(([, role]) => role.role === 'key')?.[0]
}

function failedRow(issue: FileIssue): RowOutcome {
  return { row: issue.row ?? 0, line: issue.line ?? 0, values: null, case: null, issues: [issue] }
}

/** Rows in file order; two outcomes for one row (several parse issues) become one. */
function mergeByRow(outcomes: RowOutcome[]): RowOutcome[] {
  const byRow = new Map<number, RowOutcome>()
  for (const outcome of outcomes) {
    const seen = byRow.get(outcome.row)
    if (seen) seen.issues.push(...outcome.issues)
    else byRow.set(outcome.row, { ...outcome, issues: [...outcome.issues] })
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row)
}

function markDuplicateKeys(file: string, outcomes: RowOutcome[], column: string | undefined): void {
  const firstRow = new Map<string, number>()
  for (const outcome of outcomes) {
    const key = outcome.case?.key
    if (key === undefined) continue
    const first = firstRow.get(key)
    if (first === undefined) {
      firstRow.set(key, outcome.row)
      continue
    }
    const message = `duplicate key ${JSON.stringify(key)}: rows ${first} and ${outcome.row} both have it`
    const issue: FileIssue = { file, row: outcome.row, line: outcome.line, message }
    outcome.issues.push(column === undefined ? issue : { ...issue, column })
    outcome.case = null
  }
}

/** A case being built from one row's cells. */
interface Draft {
  key: string | null
  /** The variable the key is also stored as (the key column's `alsoVar`). */
  keyVar: string | null
  vars: [string, string][]
  expected: [string, unknown][]
  expectedOutput: string | null
  tags: string[]
  notes: string[]
  conversation: ImportedCase['conversation'] | null
  toolResults: ImportedCase['toolResults'] | null
}

function mapRow(context: MappingContext, row: ParsedRow): RowOutcome {
  const { file } = context
  const issues: FileIssue[] = []
  const draft: Draft = {
    key: null,
    keyVar: null,
    vars: [],
    expected: [],
    expectedOutput: null,
    tags: [],
    notes: [],
    conversation: null,
    toolResults: null,
  }
  const where = { file, row: row.row, line: row.line }
  if (Object.values(row.values).every(isBlank)) {
    return {
      ...where,
      values: row.values,
      case: null,
      issues: [{ ...where, message: 'the row is blank: every cell is empty' }],
    }
  }
  for (const [column, role] of context.roles) {
    const error = applyRole(draft, role, row.values[column], context.mode)
    if (typeof error === 'string') issues.push({ ...where, column, message: error })
    else if (error !== null) issues.push({ ...where, column, ...error })
  }
  const noInput = draft.vars.length === 0 && draft.keyVar === null && draft.conversation === null
  if (context.expectsVars && noInput && issues.length === 0) {
    issues.push({
      ...where,
      message: 'no variables: the row gives no value to any variable nor a conversation',
    })
  }
  const built = issues.length > 0 ? null : finish(draft, row.row)
  return { row: row.row, line: row.line, values: row.values, case: built, issues }
}

function finish(draft: Draft, row: number): ImportedCase {
  const key = draft.key ?? generatedKey(row)
  return {
    key,
    // The variable copy is the key itself (a generated one included), so the two never disagree.
    vars: fromEntries(draft.keyVar === null ? draft.vars : [...draft.vars, [draft.keyVar, key]]),
    expected: fromEntries(draft.expected),
    expectedOutput: draft.expectedOutput,
    tags: normaliseTags(draft.tags),
    notes: draft.notes.join('\n\n'),
    ...(draft.conversation ? { conversation: draft.conversation } : {}),
    ...(draft.toolResults ? { toolResults: draft.toolResults } : {}),
  }
}

/** `row-0007`: the same file always gives the same keys. */
export function generatedKey(row: number): string {
  return `row-${String(row).padStart(4, '0')}`
}

/** Adds one cell to the draft; returns what is wrong with the cell, or null. */
function applyRole(
  draft: Draft,
  role: ColumnRole,
  value: unknown,
  mode: CellMode,
): string | CellProblem | null {
  switch (role.role) {
    case 'key':
      draft.keyVar = role.alsoVar ?? null
      return applyKey(draft, value)
    case 'var':
      // A generic file's empty cell is an empty var; only a missing value (or a strict layout's null) is none.
      if (value === undefined || (mode.strict && value === null)) return null
      return take(toVarText(role.name, value), (v) => draft.vars.push([role.name, v]))
    case 'varsObject':
      return applyVarsObject(draft, value)
    case 'expected':
      if (isAbsent(value, mode)) return null
      return take(toExpected(role.name, value, role.type, mode.textCells), (v) =>
        draft.expected.push([role.name, v]),
      )
    case 'expectedObject':
      return applyExpectedObject(draft, value)
    case 'expectedOutput':
      if (isAbsent(value, mode)) return null
      return take(toText('the expected output', value), (v) => (draft.expectedOutput = v))
    case 'tags':
      if (isBlank(value)) return null
      return take(toTags(value, role.separator ?? '|', role.json ?? false), (v) => draft.tags.push(...v))
    case 'conversation':
      return takeCell(toConversation(value), (v) => (draft.conversation = v))
    case 'toolResults':
      return takeCell(toToolResults(value), (v) => (draft.toolResults = v))
    default:
      return applySimple(draft, role, value)
  }
}

function applySimple(draft: Draft, role: ColumnRole, value: unknown): string | null {
  if (role.role === 'ignore') return null
  if (role.role === 'tag') {
    if (isBlank(value)) return null
    const prefix = role.prefix
    return take(toText('the tag', value), (v) => draft.tags.push(prefix === '' ? v : `${prefix}:${v.trim()}`))
  }
  // Notes keep their spaces: only a missing or empty cell adds nothing.
  if (value === undefined || value === null || value === '') return null
  return take(toText('the notes', value), (v) => draft.notes.push(v))
}

function applyKey(draft: Draft, value: unknown): string | null {
  if (isBlank(value)) return null
  return take(toText('the key', value), (v) => (draft.key = v))
}

function applyVarsObject(draft: Draft, value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (!isObjectValue(value))
    return `vars is ${value === '' ? 'empty text' : 'not an object'}; expected an object of variables`
  for (const [name, v] of Object.entries(value)) {
    const text = toVarText(name, v)
    if ('error' in text) return text.error
    draft.vars.push([name, text.value])
  }
  return null
}

function applyExpectedObject(draft: Draft, value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (!isObjectValue(value)) return 'expected is not an object; expected an object of expected fields'
  draft.expected.push(...Object.entries(value))
  return null
}

function takeCell<T>(
  converted: { value: T | null } | { problem: CellProblem },
  use: (value: T | null) => void,
): CellProblem | null {
  if ('problem' in converted) return converted.problem
  use(converted.value)
  return null
}

function take<T>(converted: { value: T } | { error: string }, use: (value: T) => void): string | null {
  if ('error' in converted) return converted.error
  use(converted.value)
  return null
}
