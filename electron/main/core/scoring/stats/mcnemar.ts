import { twoSidedBinomialHalfPValue } from './binomial'

export interface McNemarResult {
  /** Discordant pairs that went pass → fail (baseline passed, candidate failed). */
  b: number
  /** Discordant pairs that went fail → pass. */
  c: number
  /** Exact two-sided p-value: the binomial test of b against b + c trials at ½. */
  pValue: number
  /** (b − c)² / (b + c), McNemar's chi-square (1 df), for reporting; 0 when b + c = 0. */
  chiSquare: number
  /** (max(0, |b − c| − 1))² / (b + c), with Edwards' continuity correction; 0 when b + c = 0. */
  chiSquareCorrected: number
}

/**
 * McNemar's test for paired pass/fail outcomes, exact version. Only discordant pairs carry
 * information; under "no change" each is equally likely to go either way. Concordant pairs do not
 * enter, so they are not parameters. The chi-square forms are reported for readers used to them, but
 * the p-value is always the exact one (the chi-square approximation is poor when b + c is small).
 * The correction is clamped at 0 so b = c gives 0 rather than 1/(b+c) (R's mcnemar.test does not clamp).
 */
export function mcnemarExact(b: number, c: number): McNemarResult {
  const pValue = twoSidedBinomialHalfPValue(b, c)
  const discordant = b + c
  if (discordant === 0) return { b, c, pValue, chiSquare: 0, chiSquareCorrected: 0 }
  const difference = Math.abs(b - c)
  return {
    b,
    c,
    pValue,
    chiSquare: (difference * difference) / discordant,
    chiSquareCorrected: Math.max(0, difference - 1) ** 2 / discordant,
  }
}
