import { neutraliseFormula } from '../../../../../shared/lib/spreadsheet-cell'

export type CsvCell = string | number | null
export type CsvRows = readonly (readonly CsvCell[])[]

/**
 * RFC 4180 text: quotes a cell holding a comma, quote or line break. Text cells a spreadsheet would run as a
 * formula get a leading ' exactly as the dataset export does (labels come from user prompt names).
 */
export function toCsv(rows: CsvRows): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function csvCell(cell: CsvCell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  const safe = neutraliseFormula(cell)
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
