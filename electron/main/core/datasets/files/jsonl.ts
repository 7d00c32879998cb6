import { depthProblem, lineColumnOf, parseExactJson } from '../../imports/exact-json'
import type { ImportLimits } from '../../imports/limits'
import { oneLine } from './json-errors'
import { isEvalLabJsonlColumns } from './layout'
import { isPromptfooColumns, testsToTable } from './promptfoo-tests'
import { type FileIssue, type ParseResult, type ParsedRow } from './table'
import { ColumnSet, describeJsonType, findOversized, isPlainObject, tooLongMessage } from './values'

export type JsonlOptions = Pick<ImportLimits, 'maxFieldChars'> & Partial<ImportLimits>

/**
 * JSON Lines → table: every non-blank line one JSON object, its keys the columns (first seen first). Lines in
 * Eval Lab's export shape map directly; lines shaped like promptfoo tests (`vars`, `assert`, ...) are read as
 * a promptfoo test file. A line that is not a JSON object is reported with its line number and the rest read.
 * Numbers are read exactly (see core/imports/exact-json.ts). A JSON array or one pretty-printed JSON object is
 * recognised and refused in one line rather than as one error per line.
 */
export function parseJsonl(file: string, text: string, options: JsonlOptions): ParseResult {
  const wholeFile = wholeJsonProblem(file, text, options.maxDepth ?? DEFAULT_DEPTH)
  if (wholeFile) return { ok: false, issues: [wholeFile] }
  const rows: ParsedRow[] = []
  const issues: FileIssue[] = []
  let row = 0
  text.split(/\r\n|\n|\r/).forEach((source, index) => {
    if (source.trim() === '') return
    row += 1
    const result = readLine(file, source, row, index + 1, options)
    if ('issue' in result) issues.push(result.issue)
    else rows.push(result)
  })
  return rowsToTable(file, rows, issues, options.maxFieldChars)
}

const DEFAULT_DEPTH = 64

/** Rows of JSON objects → a table: Eval Lab's export layout, promptfoo tests, or generic columns. */
export function rowsToTable(
  file: string,
  rows: ParsedRow[],
  issues: FileIssue[],
  maxFieldChars: number,
): ParseResult {
  if (rows.length === 0) return { ok: false, issues }
  const columns = new ColumnSet()
  for (const r of rows) columns.add(Object.keys(r.values))
  const names = columns.list()
  if (isEvalLabJsonlColumns(names)) {
    return { ok: true, table: { file, format: 'jsonl', layout: 'evallab', columns: names, rows, issues } }
  }
  if (isPromptfooColumns(names)) {
    const tests = rows.map((r) => ({ row: r.row, line: r.line, test: r.values }))
    const table = testsToTable(file, 'jsonl', tests, {}, maxFieldChars)
    return { ok: true, table: { ...table, issues: [...issues, ...table.issues].sort(byRow) } }
  }
  return { ok: true, table: { file, format: 'jsonl', layout: 'generic', columns: names, rows, issues } }
}

/** A JSON array, or one JSON value spread over several lines, given as JSON Lines. */
function wholeJsonProblem(file: string, text: string, maxDepth: number): FileIssue | null {
  const trimmed = text.trim()
  if (trimmed.startsWith('[')) {
    return {
      file,
      line: 1,
      message: 'this is a JSON array, not JSON Lines — import it as JSON (a .json file)',
    }
  }
  const firstLine = trimmed.split(/\r\n|\n|\r/, 1)[0]?.trim() ?? ''
  if (!trimmed.startsWith('{') || !/\r|\n/.test(trimmed) || parseExactJson(firstLine, maxDepth).ok)
    return null
  if (depthProblem(trimmed, maxDepth) !== null || !parseExactJson(trimmed, maxDepth).ok) return null
  const message =
    'this is one JSON object written over several lines, not JSON Lines (one object per line) — ' +
    'import it as JSON (a .json file)'
  return { file, line: 1, message }
}

function readLine(
  file: string,
  source: string,
  row: number,
  line: number,
  options: JsonlOptions,
): ParsedRow | { issue: FileIssue } {
  const where = { file, row, line }
  if (options.maxLineChars !== undefined && source.length > options.maxLineChars) {
    return {
      issue: {
        ...where,
        message: tooLongMessage('the line', source.length, options.maxLineChars),
        limit: true,
      },
    }
  }
  const parsed = parseExactJson(source, options.maxDepth ?? DEFAULT_DEPTH)
  if (!parsed.ok) {
    const { error } = parsed
    const at = error.offset === null ? '' : ` (column ${lineColumnOf(source, error.offset).column})`
    if (error.kind === 'syntax') {
      return { issue: { ...where, message: `the line is not valid JSON: ${oneLine(error.message)}` } }
    }
    return { issue: { ...where, message: `${error.message}${at}`, limit: error.kind === 'too-deep' } }
  }
  const value = parsed.value
  if (!isPlainObject(value)) {
    return { issue: { ...where, message: `the line is ${describeJsonType(value)}; expected an object` } }
  }
  const oversized = findOversized(value, options.maxFieldChars)
  if (oversized) {
    const message = tooLongMessage('a value', oversized.length, options.maxFieldChars)
    return { issue: { ...where, column: oversized.column, message, limit: true } }
  }
  return { row, line, values: value }
}

function byRow(a: FileIssue, b: FileIssue): number {
  return (a.row ?? 0) - (b.row ?? 0)
}
