import { assertFiniteScore } from './validate'

/** The level of measurement, which decides how far apart two different values are. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval'

/** One unit (item): the value each coder gave it, null where that coder gave none. */
export type AlphaUnit = readonly (number | null)[]

export interface AlphaResult {
  /** 1 − D_o / D_e; null when no unit has two values. */
  alpha: number | null
  observedDisagreement: number | null
  expectedDisagreement: number | null
  /** n: the values in units with at least two values (the only ones that can be paired). */
  pairableValues: number
  /** Units with at least two values. */
  units: number
}

/** The coincidence matrix over the sorted distinct values, with its marginals n_c. */
interface Coincidences {
  values: readonly number[]
  matrix: readonly (readonly number[])[]
  marginals: readonly number[]
  total: number
  units: number
}

type Distance = (c: number, k: number) => number

function presentValues(unit: AlphaUnit): number[] {
  const values: number[] = []
  for (const value of unit) {
    if (value === null) continue
    assertFiniteScore('coded value', value)
    values.push(value)
  }
  return values
}

function emptyMatrix(size: number): number[][] {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0))
}

function countBy(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

/**
 * o_ck = Σ_u (number of ordered coder pairs in u valued c, k) / (m_u − 1) (Krippendorff 2011, §C),
 * where a unit holding n_uc values c has n_uc·n_uk such pairs for c ≠ k and n_uc·(n_uc − 1) for c = k.
 * Dividing by m_u − 1 makes every pairable value count once however many coders saw its unit, so a
 * unit coded by four reviewers does not outweigh one coded by two.
 */
function coincidences(units: readonly AlphaUnit[]): Coincidences {
  const pairable = units.map(presentValues).filter((values) => values.length >= 2)
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b)
  const position = new Map(values.map((value, index) => [value, index]))
  const matrix = emptyMatrix(values.length)
  for (const unitValues of pairable) {
    const counts = countBy(unitValues)
    for (const [c, countC] of counts) {
      const row = matrix[position.get(c) ?? -1]
      if (!row) continue
      for (const [k, countK] of counts) {
        const column = position.get(k) ?? -1
        const orderedPairs = c === k ? countC * (countC - 1) : countC * countK
        row[column] = (row[column] ?? 0) + orderedPairs / (unitValues.length - 1)
      }
    }
  }
  const marginals = matrix.map((row) => row.reduce((sum, cell) => sum + cell, 0))
  // n is the number of pairable values exactly; summing the marginals would only add rounding.
  const total = pairable.reduce((sum, unitValues) => sum + unitValues.length, 0)
  return { values, matrix, marginals, total, units: pairable.length }
}

/**
 * δ²_ck as indices into the sorted values. Ordinal distance is the squared count of values between c
 * and k, halving the end categories (Krippendorff 2011, §E): it uses only the order of the values, so
 * how far apart the numbers are does not matter, only how often the ranks between them were used.
 */
function distanceFor(level: AlphaLevel, table: Coincidences): Distance {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1)
  if (level === 'interval') return (c, k) => ((table.values[c] ?? 0) - (table.values[k] ?? 0)) ** 2
  const cumulative = [0]
  for (const count of table.marginals) cumulative.push((cumulative.at(-1) ?? 0) + count)
  return (c, k) => {
    const low = Math.min(c, k)
    const high = Math.max(c, k)
    const between = (cumulative[high + 1] ?? 0) - (cumulative[low] ?? 0)
    return (between - ((table.marginals[low] ?? 0) + (table.marginals[high] ?? 0)) / 2) ** 2
  }
}

function sumOverCells(size: number, cell: (c: number, k: number) => number): number {
  let sum = 0
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) sum += cell(c, k)
  return sum
}

/**
 * Krippendorff's α for any number of coders with missing values, computed from the coincidence
 * matrix as in Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
 * D_o = Σ o_ck δ²_ck / n and D_e = Σ n_c n_k δ²_ck / (n(n − 1)). Units with fewer than two values carry
 * no information about agreement and are ignored. When every pairable value is the same, D_e = 0 and
 * α is 0/0; we return 1 there, as cohensKappa does, because no pair disagreed.
 */
export function krippendorffAlpha(units: readonly AlphaUnit[], level: AlphaLevel): AlphaResult {
  const table = coincidences(units)
  const n = table.total
  if (table.units === 0) {
    return {
      alpha: null,
      observedDisagreement: null,
      expectedDisagreement: null,
      pairableValues: 0,
      units: 0,
    }
  }
  const distance = distanceFor(level, table)
  const size = table.values.length
  const observed = sumOverCells(size, (c, k) => (table.matrix[c]?.[k] ?? 0) * distance(c, k)) / n
  const expected =
    sumOverCells(size, (c, k) => (table.marginals[c] ?? 0) * (table.marginals[k] ?? 0) * distance(c, k)) /
    (n * (n - 1))
  const alpha = expected === 0 ? 1 : 1 - observed / expected
  return {
    alpha,
    observedDisagreement: observed,
    expectedDisagreement: expected,
    pairableValues: n,
    units: table.units,
  }
}
