import { parseCsv } from './csv'
import { decodeText } from './decode'
import { parseJsonRows } from './json-rows'
import { parseJsonl } from './jsonl'
import { DEFAULT_LIMITS, type ImportLimits } from './limits'
import { applyMapping, suggestMapping } from './mapping'
import type { ColumnMapping } from './mapping-schema'
import { parsePromptfoo } from './promptfoo'
import type { FileReferences } from './promptfoo-refs'
import {
  fail,
  formatCount,
  type FileIssue,
  type ImportedCase,
  type ParseResult,
  type ParsedTable,
} from './table'

export { formatIssue } from './table'
export type {
  FileIssue,
  FileFormat,
  ImportedCase,
  ParseResult,
  ParsedRow,
  ParsedTable,
  TableLayout,
} from './table'
export { suggestMapping, applyMapping, mapTable, generatedKey } from './mapping'
export type { ApplyOptions, ApplyResult, MappedTable, RowOutcome } from './mapping'
export { columnMappingSchema, columnRoleSchema, expectedTypeSchema } from './mapping-schema'
export type { ColumnMapping, ColumnRole, ExpectedType } from './mapping-schema'
export { buildImportPreview } from './preview'
export type { FailingRow, ImportPreview, PreviewOptions, PreviewRow } from './preview'
export { toCsv, toJsonl, CsvExportError } from './export'
export type { CsvExportOptions, ExportCase } from './export'
export { DEFAULT_LIMITS, PREVIEW_ROWS } from './limits'
export type { ImportLimits } from './limits'
export type { FileReferences } from './promptfoo-refs'

export interface DatasetFile {
  fileName: string
  bytes: Uint8Array
  limits?: Partial<ImportLimits>
  /** promptfoo `file://` references: refused unless the user chose to keep them as text. */
  fileReferences?: FileReferences
}

const EXTENSIONS = '.csv, .tsv, .txt, .jsonl, .ndjson, .json, .yaml or .yml'

/**
 * A dataset file → table, choosing the parser by extension: .csv/.tsv/.txt → CSV; .jsonl/.ndjson → JSON
 * Lines; .yaml/.yml and .json → promptfoo tests. A .json file that holds one JSON object per line is read as
 * JSON Lines, and one that holds an array of plain row objects as those rows. `{ ok: false }` means the file cannot be read at all; row-level problems are in `table.issues`.
 */
export function parseDatasetFile(input: DatasetFile): ParseResult {
  const parsed = parseByExtension(input)
  const maxRows = { ...DEFAULT_LIMITS, ...input.limits }.maxRows
  if (!parsed.ok) return parsed
  const failing = new Set(parsed.table.issues.flatMap((i) => (i.row === undefined ? [] : [i.row])))
  const rows = parsed.table.rows.length + failing.size
  if (rows <= maxRows) return parsed
  const message = `the file has ${formatCount(rows)} rows; the limit is ${formatCount(maxRows)}`
  return fail({ file: parsed.table.file, message, limit: true })
}

function parseByExtension(input: DatasetFile): ParseResult {
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...input.limits }
  const file = baseName(input.fileName)
  const extension = /\.([^.]+)$/.exec(file)?.[1]?.toLowerCase() ?? ''
  if (!['csv', 'tsv', 'txt', 'jsonl', 'ndjson', 'json', 'yaml', 'yml'].includes(extension)) {
    const shown = extension === '' ? 'a file without an extension' : `a .${extension} file`
    return fail({ file, message: `cannot import ${shown}; use ${EXTENSIONS}` })
  }
  const decoded = decodeText(file, input.bytes, limits.maxFileBytes)
  if (!decoded.ok) return fail(decoded.issue)
  const { text } = decoded
  const maxFieldChars = limits.maxFieldChars
  const fileReferences = input.fileReferences ?? 'refuse'
  switch (extension) {
    case 'csv':
    case 'tsv':
    case 'txt':
      return parseCsv(file, text, { maxFieldChars, preferTab: extension === 'tsv' })
    case 'jsonl':
    case 'ndjson':
      return parseJsonl(file, text, limits)
    case 'json':
      if (looksLikeJsonLines(text)) return parseJsonl(file, text, limits)
      return (
        parseJsonRows(file, text, limits) ??
        parsePromptfoo(file, text, { maxFieldChars, json: true, maxDepth: limits.maxDepth, fileReferences })
      )
    default:
      return parsePromptfoo(file, text, { maxFieldChars, json: false, fileReferences })
  }
}

export interface ImportRequest extends DatasetFile {
  /** Prompt variables the suggested mapping should recognise. */
  knownVariables?: readonly string[]
  /** The user's mapping; the suggestion when absent. */
  mapping?: ColumnMapping
  excludeRows?: readonly number[]
}

export type ImportOutcome =
  | { ok: true; table: ParsedTable; mapping: ColumnMapping; cases: ImportedCase[]; excluded: number[] }
  | { ok: false; issues: FileIssue[]; excluded: number[] }

/** Parse, map and check in one go (the CLI, tests): every case, or every issue. */
export function importDatasetFile(request: ImportRequest): ImportOutcome {
  const parsed = parseDatasetFile(request)
  if (!parsed.ok) return { ok: false, issues: parsed.issues, excluded: [] }
  const mapping = request.mapping ?? suggestMapping(parsed.table, request.knownVariables)
  const result = applyMapping(parsed.table, mapping, { excludeRows: request.excludeRows })
  if (result.issues.length > 0) return { ok: false, issues: result.issues, excluded: result.excluded }
  return { ok: true, table: parsed.table, mapping, cases: result.cases, excluded: result.excluded }
}

/** A .json file whose first two non-blank lines each hold a whole JSON object is JSON Lines. */
function looksLikeJsonLines(text: string): boolean {
  const lines = text
    .split(/\r\n|\n|\r/, 50)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  if (lines.length < 2) return false
  return lines.slice(0, 2).every((line) => line.startsWith('{') && line.endsWith('}') && parsesAsJson(line))
}

function parsesAsJson(line: string): boolean {
  try {
    JSON.parse(line)
    return true
  } catch {
    return false
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
