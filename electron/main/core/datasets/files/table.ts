import type { CannedToolResults, ConversationTurn } from '../../../../../shared/domain/conversation'

/**
 * The shapes every dataset file parser produces, whatever the format: a table of rows keyed by column name,
 * plus the problems found, each naming the file and, where it can, the row, the line and the column.
 */

export type FileFormat = 'csv' | 'jsonl' | 'promptfoo'

/**
 * How the columns were laid out:
 * - `evallab`: Eval Lab's own export (CSV or JSONL). It maps without a mapping step and keeps the difference
 *   between an empty value and a missing one (see apply-mapping.ts).
 * - `promptfoo`: a promptfoo test file, already turned into our column names (`vars.<name>`, ...).
 * - `generic`: anything else; the user maps the columns.
 */
export type TableLayout = 'evallab' | 'promptfoo' | 'generic'

export interface ParsedRow {
  /** 1-based data row: the header and blank lines do not count. */
  row: number
  /** 1-based line in the file where the row starts. */
  line: number
  /**
   * Cell values by column. CSV cells are strings (in Eval Lab's own layout an empty unquoted cell is null, to
   * tell it from a quoted empty one); JSONL and promptfoo values are whatever JSON/YAML held. A column missing
   * from a JSONL object is absent here.
   */
  values: Record<string, unknown>
}

export interface FileIssue {
  file: string
  row?: number
  line?: number
  column?: string
  /** 1-based turn of the row's conversation the problem is in. */
  turn?: number
  message: string
  /** The problem is a size or depth limit (the refusal's code is then LIMIT_EXCEEDED). */
  limit?: boolean
}

export interface ParsedTable {
  file: string
  format: FileFormat
  layout: TableLayout
  columns: string[]
  /** Rows that parsed. A row with a parse problem is not here: its problem is in `issues`. */
  rows: ParsedRow[]
  /** Row-level problems found while parsing (ragged rows, invalid JSON lines, ...): each names its row. */
  issues: FileIssue[]
}

export type ParseResult = { ok: true; table: ParsedTable } | { ok: false; issues: FileIssue[] }

/** The case an import produces: the shape `NewCase` stores, minus the ids and position the caller assigns. */
export interface ImportedCase {
  key: string
  vars: Record<string, string>
  expected: Record<string, unknown>
  expectedOutput: string | null
  tags: string[]
  notes: string
  /** Present only for a conversation case (as on DatasetCase). */
  conversation?: ConversationTurn[]
  toolResults?: CannedToolResults
}

/**
 * `cases.csv, row 12 (line 14), column "body": the message` (and `, turn 3` for a conversation turn), leaving out
 * what the issue does not know.
 */
export function formatIssue(issue: FileIssue): string {
  const where: string[] = [issue.file]
  if (issue.row !== undefined) {
    where.push(issue.line !== undefined ? `row ${issue.row} (line ${issue.line})` : `row ${issue.row}`)
  } else if (issue.line !== undefined) {
    where.push(`line ${issue.line}`)
  }
  if (issue.column !== undefined) where.push(`column ${JSON.stringify(issue.column)}`)
  if (issue.turn !== undefined) where.push(`turn ${issue.turn}`)
  return `${where.join(', ')}: ${issue.message}`
}

export function fail(issue: FileIssue): ParseResult {
  return { ok: false, issues: [issue] }
}

/** An object built from entries, so a column called `__proto__` is an ordinary key. */
export function fromEntries<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries(entries)
}

/** `1234567` → `1,234,567`, for limits and sizes in messages. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
