import { incompleteBeta, logGammaRatio } from './special'
import { normalCdf, normalQuantile } from './normal'
import { assertOpenProbability } from './validate'

function assertDegreesOfFreedom(df: number): void {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`)
}

/** P(T > t) for t ≥ 0 under Student's t with df degrees of freedom. */
function upperTail(t: number, df: number): number {
  const t2 = t * t
  return 0.5 * incompleteBeta(df / (df + t2), t2 / (df + t2), df / 2, 0.5)
}

function density(t: number, df: number): number {
  const logDensity =
    logGammaRatio(df / 2, 0.5) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df)
  return Math.exp(logDensity)
}

/** Student t cumulative distribution P(T ≤ t). */
export function tCdf(t: number, df: number): number {
  assertDegreesOfFreedom(df)
  if (Number.isNaN(t)) return Number.NaN
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t)
  const tail = upperTail(Math.abs(t), df)
  return t > 0 ? 1 - tail : tail
}

/**
 * Student t quantile: the t with P(T ≤ t) = p. Closed forms for df 1 and 2; otherwise a
 * Cornish–Fisher start refined by Newton's method on the upper tail, kept inside a bracket
 * (bisection when a step leaves it), so it converges for any df > 0. Checked against scipy to
 * better than 1e-12 relative.
 */
export function tQuantile(p: number, df: number): number {
  assertOpenProbability('p', p)
  assertDegreesOfFreedom(df)
  if (p === 0.5) return 0
  const sign = p > 0.5 ? 1 : -1
  const tail = p > 0.5 ? 1 - p : p
  return sign * upperQuantile(tail, df)
}

/** The t ≥ 0 with P(T > t) = tail, for tail in (0, 0.5). */
function upperQuantile(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail) // cot(π·tail): no cancellation near 0
  if (df === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail))
  if (df === Number.POSITIVE_INFINITY) return -normalQuantile(tail)
  // From 10 000 degrees of freedom the expansion's error (order z¹¹/df⁵) is below double precision
  // (checked against scipy up to z = 7), while the incomplete beta's continued fraction grows slow
  // and loses digits to cancellation.
  if (df >= 1e4) return cornishFisherStart(tail, df)
  return refineByNewton(tail, df, cornishFisherStart(tail, df))
}

/** Abramowitz & Stegun 26.7.5: the normal quantile corrected in powers of 1/df. */
function cornishFisherStart(tail: number, df: number): number {
  const z = -normalQuantile(tail)
  const z2 = z * z
  const g1 = (z * (z2 + 1)) / 4
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160
  const start = z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4
  return Number.isFinite(start) && start > 0 ? start : z
}

function refineByNewton(tail: number, df: number, start: number): number {
  let low = 0
  let high = Math.max(start, 1)
  while (upperTail(high, df) > tail) high *= 2
  let t = Math.min(Math.max(start, low), high)
  for (let i = 0; i < 200; i++) {
    const excess = upperTail(t, df) - tail // decreasing in t
    if (excess > 0) low = t
    else high = t
    let next = t + excess / density(t, df)
    if (!(next > low && next < high)) next = (low + high) / 2
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, t)) return next
    t = next
  }
  return t
}
