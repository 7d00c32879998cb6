/**
 * Argument checks for the agreement statistics. As in scoring/stats, bad arguments are programming
 * errors of the caller (the review core validates scores with zod first), so they throw: a silent NaN
 * in an agreement table would be worse than a crash in a test.
 */

export function assertFiniteScore(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`)
}

export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`)
  }
}
