import { oneLine } from './json-errors'
import { isEvalLabJsonlColumns } from './layout'
import { isPromptfooColumns, testsToTable } from './promptfoo-tests'
import { type FileIssue, type ParseResult, type ParsedRow } from './table'
import { ColumnSet, describeJsonType, findOversized, isPlainObject, tooLongMessage } from './values'

export interface JsonlOptions {
  maxFieldChars: number
}

/**
 * JSON Lines → table: every non-blank line one JSON object, its keys the columns (first seen first). Lines in
 * Eval Lab's export shape map directly; lines shaped like promptfoo tests (`vars`, `assert`, ...) are read as
 * a promptfoo test file. A line that is not a JSON object is reported with its line number and the rest read.
 */
export function parseJsonl(file: string, text: string, options: JsonlOptions): ParseResult {
  const rows: ParsedRow[] = []
  const issues: FileIssue[] = []
  const columns = new ColumnSet()
  let row = 0
  text.split(/\r\n|\n|\r/).forEach((source, index) => {
    if (source.trim() === '') return
    row += 1
    const result = readLine(file, source, row, index + 1, options.maxFieldChars)
    if ('issue' in result) {
      issues.push(result.issue)
      return
    }
    columns.add(Object.keys(result.values))
    rows.push(result)
  })
  if (rows.length === 0) return { ok: false, issues }
  const names = columns.list()
  if (isEvalLabJsonlColumns(names)) {
    return { ok: true, table: { file, format: 'jsonl', layout: 'evallab', columns: names, rows, issues } }
  }
  if (isPromptfooColumns(names)) {
    const tests = rows.map((r) => ({ row: r.row, line: r.line, test: r.values }))
    const table = testsToTable(file, 'jsonl', tests, {}, options.maxFieldChars)
    return { ok: true, table: { ...table, issues: [...issues, ...table.issues].sort(byRow) } }
  }
  return { ok: true, table: { file, format: 'jsonl', layout: 'generic', columns: names, rows, issues } }
}

function readLine(
  file: string,
  source: string,
  row: number,
  line: number,
  maxFieldChars: number,
): ParsedRow | { issue: FileIssue } {
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { issue: { file, row, line, message: `the line is not valid JSON: ${oneLine(reason)}` } }
  }
  if (!isPlainObject(value)) {
    return {
      issue: { file, row, line, message: `the line is ${describeJsonType(value)}; expected an object` },
    }
  }
  const oversized = findOversized(value, maxFieldChars)
  if (oversized) {
    const message = tooLongMessage('a value', oversized.length, maxFieldChars)
    return { issue: { file, row, line, column: oversized.column, message } }
  }
  return { row, line, values: value }
}

function byRow(a: FileIssue, b: FileIssue): number {
  return (a.row ?? 0) - (b.row ?? 0)
}
