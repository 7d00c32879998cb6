export type CsvCell = string | number | null
export type CsvRows = readonly (readonly CsvCell[])[]

/**
 * RFC 4180 text: quotes a cell holding a comma, quote or line break. Cells starting with = + - @ are
 * prefixed with ' so a spreadsheet does not run them as formulas (labels come from user prompt names).
 */
export function toCsv(rows: CsvRows): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function csvCell(cell: CsvCell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  const safe = /^[=+\-@]/.test(cell) ? `'${cell}` : cell
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
