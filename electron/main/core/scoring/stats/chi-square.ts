import { incompleteGamma } from './special'
import { assertCount } from './validate'

/** P(X ≥ x) for X ~ χ² with `df` degrees of freedom (scipy.stats.chi2.sf). */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`df must be positive, got ${df}`)
  if (Number.isNaN(x)) throw new RangeError('x must be a number, got NaN')
  if (x <= 0) return 1
  return incompleteGamma(df / 2, x / 2).upper
}

export interface ChiSquareResult {
  statistic: number
  df: number
  pValue: number
}

/**
 * Pearson's chi-square test of homogeneity on a table of counts (rows = samples, columns = categories),
 * without Yates' correction (scipy.stats.chi2_contingency(table, correction=False)). Columns that are
 * empty in every row carry no information and are dropped; with fewer than two rows or columns left
 * there is nothing to compare, so the answer is statistic 0, p 1.
 */
export function chiSquareHomogeneity(table: readonly (readonly number[])[]): ChiSquareResult {
  for (const row of table) for (const count of row) assertCount('each count', count)
  const width = Math.max(0, ...table.map((row) => row.length))
  const columnTotals = Array.from({ length: width }, (_, j) => sum(table.map((row) => row[j] ?? 0)))
  const columns = columnTotals.flatMap((total, j) => (total > 0 ? [j] : []))
  const rows = table.filter((row) => sum(row) > 0)
  if (rows.length < 2 || columns.length < 2) return { statistic: 0, df: 0, pValue: 1 }
  const grand = sum(columnTotals)
  let statistic = 0
  for (const row of rows) {
    const rowTotal = sum(row)
    for (const j of columns) {
      const expected = (rowTotal * (columnTotals[j] ?? 0)) / grand
      const diff = (row[j] ?? 0) - expected
      statistic += (diff * diff) / expected
    }
  }
  const df = (rows.length - 1) * (columns.length - 1)
  return { statistic, df, pValue: chiSquareSurvival(statistic, df) }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
