import { parse as parseCsv } from 'csv-parse/sync'
import { AppError } from '../../../../../shared/contract'
import { lineColumnOf, parseExactJson } from '../../imports/exact-json'
import { DEFAULT_LIMITS } from '../../imports/limits'

/** One entry of a log file with where it is, for messages: "line 3" (JSONL) or "row 3" (CSV). */
export interface LogRecord {
  where: string
  fields: Record<string, unknown>
}

export type FileKind = 'jsonl' | 'json' | 'csv'

/** By extension, else by the first character: exports are often renamed or saved as .txt. */
export function fileKind(fileName: string, content: string): FileKind {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl'
  const first = content.trimStart().charAt(0)
  if (first === '[') return 'json'
  return first === '{' ? 'jsonl' : 'csv'
}

export function readRecords(fileName: string, content: string): LogRecord[] {
  const text = content.replace(/^\uFEFF/, '')
  const kind = fileKind(fileName, text)
  if (kind === 'csv') return checkLimits(fileName, csvRecords(fileName, text))
  if (kind === 'json') return checkLimits(fileName, jsonArrayRecords(fileName, text))
  return checkLimits(fileName, jsonlRecords(fileName, text))
}

function jsonlRecords(fileName: string, text: string): LogRecord[] {
  const records: LogRecord[] = []
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return
    const where = `line ${index + 1}`
    records.push({ where, fields: asObject(fileName, where, parseJson(fileName, where, line)) })
  })
  return records
}

/** Some exports (Langfuse's "Download as JSON") are one array rather than one object per line. */
function jsonArrayRecords(fileName: string, text: string): LogRecord[] {
  const parsed = parseJson(fileName, 'the file', text)
  if (!Array.isArray(parsed)) throw invalid(`${fileName}: expected a JSON array of calls`)
  return parsed.map((item: unknown, index) => {
    const where = `item ${index + 1}`
    return { where, fields: asObject(fileName, where, item) }
  })
}

/** Rows are numbered as a spreadsheet shows them: the header is row 1, the first call row 2. */
function csvRecords(fileName: string, text: string): LogRecord[] {
  let rows: Record<string, string>[]
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, relax_quotes: false })
  } catch (error) {
    throw invalid(`${fileName}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return rows.map((fields, index) => ({ where: `row ${index + 2}`, fields }))
}

/** Exact JSON (core/imports/exact-json.ts): no rounded number, no silently merged key, no stack overflow. */
function parseJson(fileName: string, where: string, text: string): unknown {
  if (text.length > DEFAULT_LIMITS.maxLineChars && where.startsWith('line')) {
    throw limit(`${fileName}: ${where}: ${tooLong('the line', text.length, DEFAULT_LIMITS.maxLineChars)}`)
  }
  const parsed = parseExactJson(text, DEFAULT_LIMITS.maxDepth)
  if (parsed.ok) return parsed.value
  const { error } = parsed
  // A JSONL line keeps V8's wording ("at position N" within the line); a whole file gets its line and column.
  const located = error.offset !== null && (error.kind !== 'syntax' || !where.startsWith('line'))
  const at = located && error.offset !== null ? whereInText(where, text, error.offset) : where
  if (error.kind === 'too-deep') throw limit(`${fileName}: ${at}: ${error.message}`)
  throw invalid(`${fileName}: ${at}: ${error.message}`)
}

/** "line 3, column 14" for one JSONL line; "line 3, column 14" of the file for a JSON array. */
function whereInText(where: string, text: string, offset: number): string {
  const { line, column } = lineColumnOf(text, offset)
  const lineNumber = /^line (\d+)$/.exec(where)
  if (lineNumber) return `${where}, column ${column}`
  return `line ${line}, column ${column}`
}

/** Every call and every value within the shared limits, each refusal naming where and the limit. */
function checkLimits(fileName: string, records: LogRecord[]): LogRecord[] {
  if (records.length > DEFAULT_LIMITS.maxRows) {
    const message = `the file holds ${count(records.length)} calls; the limit is ${count(DEFAULT_LIMITS.maxRows)}`
    throw limit(`${fileName}: ${message}`)
  }
  for (const record of records) {
    const long = longValue(record.fields)
    if (long) {
      const message = tooLong(`field ${long.field}`, long.length, DEFAULT_LIMITS.maxFieldChars)
      throw limit(`${fileName}: ${record.where}: ${message}`)
    }
  }
  return records
}

function longValue(fields: Record<string, unknown>): { field: string; length: number } | null {
  for (const [field, value] of Object.entries(fields)) {
    const length = longestString(value, DEFAULT_LIMITS.maxDepth)
    if (length > DEFAULT_LIMITS.maxFieldChars) return { field, length }
  }
  return null
}

function longestString(value: unknown, depth: number): number {
  if (typeof value === 'string') return value.length
  if (depth < 0 || typeof value !== 'object' || value === null) return 0
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value)
  return children.reduce<number>((longest, child) => Math.max(longest, longestString(child, depth - 1)), 0)
}

function tooLong(what: string, length: number, max: number): string {
  return `${what} is ${count(length)} characters long; the limit is ${count(max)}`
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}

function limit(message: string): AppError {
  return new AppError('LIMIT_EXCEEDED', message)
}

function asObject(fileName: string, where: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(`${fileName}: ${where}: expected a JSON object for each call`)
  }
  return value as Record<string, unknown>
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message)
}
