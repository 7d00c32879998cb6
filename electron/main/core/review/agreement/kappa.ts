import { assertFiniteScore } from './validate'

/** One item scored by two raters: [first rater's value, second rater's value]. */
export type RatingPair = readonly [number, number]

export interface KappaResult {
  /** Chance-corrected agreement; null without pairs. */
  kappa: number | null
  /** Observed (weighted) agreement p_o; null without pairs. */
  observed: number | null
  /** Agreement expected by chance from the raters' marginals p_e; null without pairs. */
  expected: number | null
  n: number
}

export type KappaWeighting = 'linear' | 'quadratic'

const noPairs: KappaResult = { kappa: null, observed: null, expected: null, n: 0 }

/**
 * κ = (p_o − p_e) / (1 − p_e). When p_e = 1 both raters put every item in one and the same category,
 * so p_o = 1 too and κ is 0/0. We return 1 there: every pair agreed, and a queue where two reviewers
 * passed all twenty items should read as agreement, not as a blank (percent agreement says the same;
 * a caller that must flag "no variation" can test expected === 1).
 */
function chanceCorrected(observed: number, expected: number): number {
  if (expected >= 1) return 1
  return (observed - expected) / (1 - expected)
}

function countBy(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

function assertPairs(pairs: readonly RatingPair[]): void {
  for (const [first, second] of pairs) {
    assertFiniteScore('first rating', first)
    assertFiniteScore('second rating', second)
  }
}

/**
 * Cohen's κ for two raters on a nominal scale (Cohen 1960). The categories are the values seen in
 * either rater's column, so labels need no declaration; for ordered scales use weightedKappa.
 */
export function cohensKappa(pairs: readonly RatingPair[]): KappaResult {
  assertPairs(pairs)
  const n = pairs.length
  if (n === 0) return noPairs
  const observed = pairs.filter(([first, second]) => first === second).length / n
  const firstCounts = countBy(pairs.map(([first]) => first))
  const secondCounts = countBy(pairs.map(([, second]) => second))
  let expected = 0
  for (const [category, count] of firstCounts)
    expected += (count / n) * ((secondCounts.get(category) ?? 0) / n)
  return { kappa: chanceCorrected(observed, expected), observed, expected, n }
}

/** Disagreement weight of categories i and j of k, 0 on the diagonal and 1 at the far corners. */
function disagreementWeight(i: number, j: number, k: number, weighting: KappaWeighting): number {
  if (k < 2) return 0
  const distance = Math.abs(i - j) / (k - 1)
  return weighting === 'linear' ? distance : distance * distance
}

function indexCategories(categories: readonly number[]): Map<number, number> {
  const index = new Map<number, number>()
  categories.forEach((category, position) => {
    assertFiniteScore('category', category)
    if (index.has(category)) throw new RangeError(`categories must be distinct, ${category} repeats`)
    index.set(category, position)
  })
  return index
}

function categoryIndex(index: ReadonlyMap<number, number>, value: number): number {
  const position = index.get(value)
  if (position === undefined) throw new RangeError(`rating ${value} is not one of the categories`)
  return position
}

/**
 * Weighted κ for two raters on an ordinal scale (Cohen 1968): near misses count as partial agreement.
 * `categories` is the scale in order, low to high (all of it, not only the values used, since the
 * weights depend on the distance across the whole scale); weights use the category positions as
 * scikit-learn does. κ_w = 1 − Σ w·o / Σ w·e, reported as p_o = 1 − Σ w·o/n and p_e = 1 − Σ w·e/n so
 * that it reads like cohensKappa. With two categories both weightings equal Cohen's κ.
 */
export function weightedKappa(
  pairs: readonly RatingPair[],
  categories: readonly number[],
  weighting: KappaWeighting,
): KappaResult {
  assertPairs(pairs)
  const index = indexCategories(categories)
  const n = pairs.length
  if (n === 0) return noPairs
  const k = categories.length
  const firstMarginal = new Array<number>(k).fill(0)
  const secondMarginal = new Array<number>(k).fill(0)
  let observedDisagreement = 0
  for (const [first, second] of pairs) {
    const i = categoryIndex(index, first)
    const j = categoryIndex(index, second)
    firstMarginal[i] = (firstMarginal[i] ?? 0) + 1
    secondMarginal[j] = (secondMarginal[j] ?? 0) + 1
    observedDisagreement += disagreementWeight(i, j, k, weighting)
  }
  let expectedDisagreement = 0
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const chance = ((firstMarginal[i] ?? 0) * (secondMarginal[j] ?? 0)) / n
      expectedDisagreement += disagreementWeight(i, j, k, weighting) * chance
    }
  }
  const observed = 1 - observedDisagreement / n
  const expected = 1 - expectedDisagreement / n
  return { kappa: chanceCorrected(observed, expected), observed, expected, n }
}
