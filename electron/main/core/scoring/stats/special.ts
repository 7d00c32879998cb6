/**
 * Special functions behind the t distribution: log-gamma and the regularized incomplete beta.
 * Internal to the stats library (not re-exported from the index).
 */

// Lanczos approximation, g = 7, n = 9 (the widely used Godfrey coefficients): ~1e-15 relative.
const LANCZOS_G = 7
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]
const HALF_LOG_2PI = 0.9189385332046728

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the series in its accurate range.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  }
  const shifted = x - 1
  let series = LANCZOS[0] ?? 0
  for (let i = 1; i < LANCZOS.length; i++) series += (LANCZOS[i] ?? 0) / (shifted + i)
  const t = shifted + LANCZOS_G + 0.5
  return HALF_LOG_2PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series)
}

/** 1/(12x) − 1/(360x³) + …: the remainder of Stirling's series, accurate to ~1e-16 for x ≥ 10. */
function stirlingCorrection(x: number): number {
  const inv = 1 / x
  const inv2 = inv * inv
  return inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)))
}

/**
 * ln Γ(a+b) − ln Γ(a). For large a the two log-gammas are huge and nearly equal, so their plain
 * difference loses digits (1e-9 relative at a = 5e6); Stirling's form of the difference does not.
 */
export function logGammaRatio(a: number, b: number): number {
  if (a < 10) return logGamma(a + b) - logGamma(a)
  return (
    (a - 0.5) * Math.log1p(b / a) +
    b * Math.log(a + b) -
    b +
    stirlingCorrection(a + b) -
    stirlingCorrection(a)
  )
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b), computed around the larger argument. */
export function logBeta(a: number, b: number): number {
  const larger = Math.max(a, b)
  const smaller = Math.min(a, b)
  return logGamma(smaller) - logGammaRatio(larger, smaller)
}

/**
 * The regularized incomplete beta I_x(a, b). The caller passes y = 1 − x as well, computed without
 * cancellation (for the t distribution x = ν/(ν+t²) and y = t²/(ν+t²)), so tails stay precise.
 * Continued fraction by the modified Lentz method, on whichever side converges fast.
 */
export function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (y <= 0) return 1
  // ln x and ln y from whichever of x, y is small, so neither loses digits near 1.
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x)
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y)
  const front = Math.exp(a * logX + b * logY - logBeta(a, b))
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a
  return 1 - (front * betaContinuedFraction(y, b, a)) / b
}

const TINY = 1e-300

function betaContinuedFraction(x: number, a: number, b: number): number {
  const sum = a + b
  let c = 1
  let d = guardTiny(1 - (sum * x) / (a + 1))
  d = 1 / d
  let value = d
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m
    const even = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2))
    d = 1 / guardTiny(1 + even * d)
    c = guardTiny(1 + even / c)
    value *= d * c
    const odd = (-(a + m) * (sum + m) * x) / ((a + m2) * (a + 1 + m2))
    d = 1 / guardTiny(1 + odd * d)
    c = guardTiny(1 + odd / c)
    const delta = d * c
    value *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return value
}

function guardTiny(value: number): number {
  return Math.abs(value) < TINY ? TINY : value
}

/**
 * The regularized incomplete gamma functions P(a, x) (lower) and Q(a, x) = 1 − P(a, x) (upper), x ≥ 0.
 * Series below x < a + 1, Lentz continued fraction above, each returning the side it computes directly, so
 * a tiny upper tail (a chi-square p-value of 1e-30) keeps its digits instead of being 1 − (1 − ε).
 */
export function incompleteGamma(a: number, x: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 }
  const front = a * Math.log(x) - x - logGamma(a)
  if (x < a + 1) {
    const lower = Math.exp(front) * gammaSeries(a, x)
    return { lower, upper: 1 - lower }
  }
  const upper = Math.exp(front) * gammaContinuedFraction(a, x)
  return { lower: 1 - upper, upper }
}

/** Σ xⁿ / (a (a+1) … (a+n)), the series of γ(a, x)·eˣ·x⁻ᵃ. */
function gammaSeries(a: number, x: number): number {
  let term = 1 / a
  let sum = term
  for (let n = 1; n <= 10_000; n++) {
    term *= x / (a + n)
    sum += term
    if (Math.abs(term) < Math.abs(sum) * 1e-16) break
  }
  return sum
}

/** The continued fraction of Γ(a, x)·eˣ·x⁻ᵃ (modified Lentz). */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / guardTiny(b)
  let value = d
  for (let i = 1; i <= 10_000; i++) {
    const an = -i * (i - a)
    b += 2
    d = 1 / guardTiny(an * d + b)
    c = guardTiny(b + an / c)
    const delta = d * c
    value *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return value
}
