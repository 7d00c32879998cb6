/**
 * Spreadsheet-safe CSV cells, shared by every CSV export (datasets, chart data, run results) so that a cell a
 * spreadsheet would run as a formula is neutralised the same way everywhere, and the dataset importer can
 * undo it exactly.
 */

/**
 * First characters that make Excel, LibreOffice, Google Sheets or Numbers treat a cell as a formula
 * (OWASP "CSV Injection"), including the full-width forms Numbers normalises.
 */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])

/**
 * Whether the cell must be prefixed with `'`: it starts with a formula character, or with one or more `'`
 * followed by one. Escaping the second kind too makes the prefix reversible for every string.
 */
function needsPrefix(value: string): boolean {
  let i = 0
  while (value[i] === "'") i += 1
  const first = value[i]
  return first !== undefined && FORMULA_STARTS.has(first)
}

/** `=SUM(A1)` → `'=SUM(A1)`, so a spreadsheet shows the text instead of running it. */
export function neutraliseFormula(value: string): string {
  return needsPrefix(value) ? `'${value}` : value
}

/** The inverse of neutraliseFormula, for every string. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && needsPrefix(cell.slice(1)) ? cell.slice(1) : cell
}
