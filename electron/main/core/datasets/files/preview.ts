import { mapTable, suggestMapping } from './mapping'
import type { ColumnMapping } from './mapping-schema'
import { PREVIEW_ROWS } from './limits'
import { summarisePromptfooAssertions, type PromptfooAssertionSummary } from './promptfoo-assertion-summary'
import { ASSERTIONS_COLUMN } from './promptfoo-tests'
import type { FileFormat, FileIssue, ImportedCase, ParsedTable, TableLayout } from './table'

export interface PreviewRow {
  row: number
  line: number
  /** The row's cells as read (null for a row that did not parse). */
  values: Record<string, unknown> | null
  /** The case the row becomes, or null when it has issues. */
  case: ImportedCase | null
}

export interface FailingRow extends PreviewRow {
  issues: FileIssue[]
}

export interface ImportPreview {
  file: string
  format: FileFormat
  layout: TableLayout
  /** False for Eval Lab's own exports and promptfoo files: the suggested mapping is the mapping. */
  needsMapping: boolean
  columns: string[]
  suggestedMapping: ColumnMapping
  /** The mapping the rows below were built with: the given one, or the suggestion. */
  mapping: ColumnMapping
  /** Problems with the mapping itself. */
  mappingIssues: FileIssue[]
  /** The first rows of the file, mapped. */
  firstRows: PreviewRow[]
  /** Every row with a problem, with its problems. */
  failingRows: FailingRow[]
  counts: { rows: number; valid: number; failing: number; excluded: number }
  /** A promptfoo file with assertions: what they will do once imported (types not run, judge needed). */
  promptfooAssertions?: PromptfooAssertionSummary
}

export interface PreviewOptions {
  knownVariables?: readonly string[]
  excludeRows?: readonly number[]
}

/** What the import UI's mapping step shows: columns, suggested mapping, first rows and every failing row. */
export function buildImportPreview(
  table: ParsedTable,
  mapping?: ColumnMapping,
  options: PreviewOptions = {},
): ImportPreview {
  const suggestedMapping = suggestMapping(table, options.knownVariables)
  const used = mapping ?? suggestedMapping
  const mapped = mapTable(table, used, { excludeRows: options.excludeRows })
  const assertions =
    table.layout === 'promptfoo'
      ? summarisePromptfooAssertions(table.rows.map((row) => row.values[ASSERTIONS_COLUMN]))
      : undefined
  const failingRows = mapped.outcomes
    .filter((o) => o.issues.length > 0)
    .map((o) => ({ row: o.row, line: o.line, values: o.values, case: null, issues: o.issues }))
  return {
    file: table.file,
    format: table.format,
    layout: table.layout,
    needsMapping: table.layout === 'generic',
    columns: table.columns,
    suggestedMapping,
    mapping: used,
    mappingIssues: mapped.mappingIssues,
    firstRows: mapped.outcomes
      .slice(0, PREVIEW_ROWS)
      .map((o) => ({ row: o.row, line: o.line, values: o.values, case: o.case })),
    failingRows,
    counts: {
      rows: mapped.outcomes.length + mapped.excluded.length,
      valid: mapped.outcomes.length - failingRows.length,
      failing: failingRows.length,
      excluded: mapped.excluded.length,
    },
    ...(assertions ? { promptfooAssertions: assertions } : {}),
  }
}
