import { assertFiniteValues } from './validate'

export interface KsResult {
  /** The largest gap between the two empirical distribution functions, 0..1. */
  statistic: number
  pValue: number
}

/**
 * Past this many lattice cells (n₁·n₂) the exact path count gives way to the asymptotic distribution:
 * the count is O(n₁·n₂) time, and at that size the two agree to a few digits.
 */
const EXACT_CELLS_LIMIT = 4_000_000

/**
 * The two-sided two-sample Kolmogorov–Smirnov test. Matches scipy.stats.ks_2samp(a, b) with its default
 * exact method for n₁·n₂ ≤ 4·10⁶ (the probability that a random arrangement of the pooled sample leaves
 * the band |F₁ − F₂| < D, by counting lattice paths); larger samples use Kolmogorov's limiting
 * distribution at √(n₁n₂/(n₁+n₂))·D, as scipy did before 1.5.
 */
export function ksTwoSample(a: readonly number[], b: readonly number[]): KsResult {
  assertFiniteValues('a', a)
  assertFiniteValues('b', b)
  if (a.length === 0 || b.length === 0) throw new RangeError('Both samples need at least one value')
  const statistic = ksStatistic(a, b)
  const n1 = a.length
  const n2 = b.length
  const pValue =
    n1 * n2 <= EXACT_CELLS_LIMIT
      ? exactPValue(n1, n2, statistic)
      : kolmogorovSurvival(Math.sqrt((n1 * n2) / (n1 + n2)) * statistic)
  return { statistic, pValue: clamp01(pValue) }
}

/** sup |F₁(x) − F₂(x)|, evaluated after each distinct value so ties move both functions together. */
function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q)
  const y = [...b].sort((p, q) => p - q)
  let i = 0
  let j = 0
  // The gap in integer units of 1/(n₁n₂), so D has no rounding noise (0.1, not 0.10000000000000009).
  let gap = 0
  while (i < x.length && j < y.length) {
    const value = Math.min(x[i] ?? 0, y[j] ?? 0)
    while (i < x.length && x[i] === value) i++
    while (j < y.length && y[j] === value) j++
    gap = Math.max(gap, Math.abs(i * y.length - j * x.length))
  }
  return gap / (x.length * y.length)
}

/**
 * P(D ≥ d) = 1 − (paths from (0,0) to (n₁,n₂) staying strictly inside |i/n₁ − j/n₂| < d) / C(n₁+n₂, n₁).
 * Each cell holds its count divided by C(i+j, i), so the numbers stay in [0, 1] at any size. The band is
 * tested in integers (|i·n₂ − j·n₁| < h) so that a D met exactly at the data counts as outside.
 */
function exactPValue(n1: number, n2: number, d: number): number {
  const h = Math.round(d * n1 * n2)
  if (h === 0) return 1
  const inside = (i: number, j: number) => Math.abs(i * n2 - j * n1) < h
  let row = new Float64Array(n2 + 1)
  row[0] = 1
  for (let j = 1; j <= n2; j++) row[j] = inside(0, j) ? (row[j - 1] ?? 0) : 0
  for (let i = 1; i <= n1; i++) {
    const next = new Float64Array(n2 + 1)
    next[0] = inside(i, 0) ? (row[0] ?? 0) : 0
    for (let j = 1; j <= n2; j++) {
      if (!inside(i, j)) continue
      next[j] = (i / (i + j)) * (row[j] ?? 0) + (j / (i + j)) * (next[j - 1] ?? 0)
    }
    row = next
  }
  return 1 - (row[n2] ?? 0)
}

/** Kolmogorov's limiting distribution: P(K > z) = 2 Σ (−1)^(k−1) e^(−2k²z²) (scipy.stats.kstwobign.sf). */
export function kolmogorovSurvival(z: number): number {
  if (z <= 0) return 1
  if (z < 1) {
    // The alternating series converges slowly near 0; the Jacobi theta form converges fast there.
    const factor = Math.sqrt(2 * Math.PI) / z
    let cdf = 0
    for (let k = 1; k <= 50; k++) {
      cdf += Math.exp((-((2 * k - 1) ** 2) * Math.PI ** 2) / (8 * z * z))
    }
    return 1 - factor * cdf
  }
  let total = 0
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * z * z)
    total += (k % 2 === 1 ? 1 : -1) * term
    if (term < 1e-300) break
  }
  return 2 * total
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value))
}
