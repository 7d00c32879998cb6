/**
 * Argument checks shared by the statistics functions. Bad arguments are programming errors in the
 * caller (the scoring core validates user data with zod first), so they throw instead of returning a
 * Result: a silent NaN in a gate verdict would be worse than a crash in a test.
 */

export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`)
  }
}

/** An open-interval probability such as a confidence level or a quantile's p. */
export function assertOpenProbability(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must be in (0, 1), got ${value}`)
}

export function assertFiniteValues(name: string, values: readonly number[]): void {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`${name} must hold finite numbers, got ${value}`)
  }
}
