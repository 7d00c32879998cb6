import { stringify } from 'csv-stringify/sync'
import { neutraliseFormula } from '../../../../../shared/lib/spreadsheet-cell'
import { cellsOf, headerOf, type Cell } from './cells'
import type { ExportLayout } from './layout'
import type { ExportRecord } from './records'

/** Records stringified per chunk: the file is built page by page, never as one array of every row. */
const CHUNK = 1000

/**
 * CSV as the dataset export writes it: a UTF-8 BOM (Excel), CRLF line ends, a quoted empty cell `""` for an
 * empty string and an unquoted empty cell for no value; text cells a spreadsheet would run as a formula get a
 * leading `'` (numbers are written as numbers and never need it).
 */
export function* resultCsvChunks(layout: ExportLayout, records: Iterable<ExportRecord>): Generator<string> {
  yield `\uFEFF${csvLines([headerOf(layout)])}`
  let batch: (string | null)[][] = []
  for (const record of records) {
    batch.push(cellsOf(layout, record).map(csvCell))
    if (batch.length === CHUNK) {
      yield csvLines(batch)
      batch = []
    }
  }
  if (batch.length > 0) yield csvLines(batch)
}

function csvCell(cell: Cell): string | null {
  if (cell === null) return null
  if (typeof cell === 'string') return neutraliseFormula(cell)
  // JavaScript's shortest round-trip form: 0.25, 1200, 1e-7 — what spreadsheets read as the same number.
  return String(cell)
}

function csvLines(records: (string | null)[][]): string {
  return stringify(records, {
    record_delimiter: '\r\n',
    // With an explicit record delimiter csv-stringify stops quoting lone CR and LF unless told to.
    quote_record_delimiter: true,
    quoted_match: [/^$/],
  })
}
