import { expect } from 'vitest'

/** |actual − expected| ≤ relative·|expected| (p-values span many orders of magnitude). */
export function expectRelativelyClose(actual: number, expected: number, relative = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected))
}
