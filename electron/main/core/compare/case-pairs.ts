import type { CompareCase } from '../../../../shared/domain/compare'
import type { z } from 'zod'
import type { compareCasesFilterSchema } from '../../../../shared/domain/compare'

export type CompareCasesFilter = z.infer<typeof compareCasesFilterSchema>

/** A paired case with its place in the dataset, for ordering. */
export interface PositionedCase {
  position: number
  item: CompareCase
}

// Scores are sums of differences of 0..1 values: (0.7 − 0.3) + (0.1 − 0.5) is 5.5e-17 in floating point,
// which would list an unchanged case as an improvement. Nine decimals is far finer than any scale step.
const roundChange = (x: number): number => Math.round(x * 1e9) / 1e9 + 0

/** Σ (candidate − baseline) over the metrics scored on both sides; 0 when none is. */
export function changeOf(scores: CompareCase['scores']): number {
  let sum = 0
  for (const s of scores) if (s.baseline !== null && s.candidate !== null) sum += s.candidate - s.baseline
  return roundChange(sum)
}

const sameCalls = (a: CompareCase['baseline'], b: CompareCase['baseline']): boolean =>
  a.toolCalls.length === b.toolCalls.length &&
  a.toolCalls.every(
    (call, i) => call.name === b.toolCalls[i]?.name && call.arguments === b.toolCalls[i]?.arguments,
  )

/** Same text, error and tool calls (name and exact argument text; the provider's call ids do not count). */
const sameOutput = (c: CompareCase): boolean =>
  c.baseline.text === c.candidate.text &&
  c.baseline.error === c.candidate.error &&
  sameCalls(c.baseline, c.candidate)

export function keepCase(filter: CompareCasesFilter, c: CompareCase): boolean {
  switch (filter) {
    case 'regressions':
      return c.change < 0
    case 'improvements':
      return c.change > 0
    case 'changed':
      return !sameOutput(c)
    case 'all':
      return true
  }
}

/**
 * Regressions first, worst first (that is what a PM deciding on a release reads first); everything else in
 * dataset order, so the list reads like the dataset. Ties keep dataset order.
 */
export function orderCases(cases: readonly PositionedCase[]): CompareCase[] {
  const rank = (c: PositionedCase): number => (c.item.change < 0 ? c.item.change : 0)
  return [...cases].sort((a, b) => rank(a) - rank(b) || a.position - b.position).map((c) => c.item)
}
