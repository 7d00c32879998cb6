import { LineCounter, isSeq, parseDocument } from 'yaml'
import { parseExactJson } from '../../imports/exact-json'
import type { ImportLimits } from '../../imports/limits'
import { rowsToTable } from './jsonl'
import { isPromptfooColumns } from './promptfoo-tests'
import type { FileIssue, ParseResult, ParsedRow } from './table'
import { ColumnSet, findOversized, isPlainObject, tooLongMessage } from './values'

/**
 * A .json file holding an array of plain row objects (`[{"question": ...}, ...]`, what many tools write, and
 * what a JSON Lines import of such a file is told to use) → the same table JSON Lines gives. Null when the
 * file is something else (promptfoo tests, a config object, invalid JSON): the promptfoo reader takes it.
 */
export function parseJsonRows(file: string, text: string, limits: ImportLimits): ParseResult | null {
  if (!text.trimStart().startsWith('[')) return null
  const parsed = parseExactJson(text, limits.maxDepth)
  if (!parsed.ok || !Array.isArray(parsed.value) || parsed.value.length === 0) return null
  const items: unknown[] = parsed.value
  if (!items.every(isPlainObject)) return null
  const columns = new ColumnSet()
  for (const item of items) columns.add(Object.keys(item))
  if (isPromptfooColumns(columns.list())) return null
  const lines = itemLines(text)
  const rows: ParsedRow[] = []
  const issues: FileIssue[] = []
  items.forEach((values, i) => {
    const where = { file, row: i + 1, line: lines[i] ?? 1 }
    const oversized = findOversized(values, limits.maxFieldChars)
    if (!oversized) return rows.push({ row: where.row, line: where.line, values })
    const message = tooLongMessage('a value', oversized.length, limits.maxFieldChars)
    return issues.push({ ...where, column: oversized.column, message, limit: true })
  })
  return rowsToTable(file, rows, issues, limits.maxFieldChars)
}

/** The line each array item starts on (the YAML parser reads JSON and keeps positions). */
function itemLines(text: string): number[] {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false })
  const root = doc.contents
  if (!isSeq(root)) return []
  return root.items.map((node) => {
    const range = typeof node === 'object' && node !== null && 'range' in node ? node.range : undefined
    const offset = Array.isArray(range) && typeof range[0] === 'number' ? range[0] : 0
    return counter.linePos(offset).line
  })
}
