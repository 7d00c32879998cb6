import { parse as parseCsv } from 'csv-parse/sync'
import { AppError } from '../../../../../shared/contract'

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
  if (kind === 'csv') return csvRecords(fileName, text)
  if (kind === 'json') return jsonArrayRecords(fileName, text)
  return jsonlRecords(fileName, text)
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

function parseJson(fileName: string, where: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw invalid(`${fileName}: ${where}: ${error instanceof Error ? error.message : String(error)}`)
  }
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
