import { wilsonInterval } from '../../scoring/stats'
import type { Interval } from '../../scoring/stats'
import { assertCount } from './validate'

export interface WinRateResult {
  /** A's share of the judgments, a tie counting half; null without judgments. */
  winRateA: number | null
  /** 95 % Wilson interval on that share; null without judgments. */
  ci95: Interval | null
  judgments: number
}

/**
 * Pairwise preference summary. A tie is half a win for each side, the usual convention (it keeps the
 * rate symmetric: winRateA(a, b, t) = 1 − winRateA(b, a, t)).
 *
 * The interval is Wilson's at the win share p̂ with n = judgments. A tie-half score has at most the
 * variance of a win/loss, so treating each judgment as one Bernoulli trial errs on the wide side.
 * wilsonInterval takes whole successes; with an odd number of ties the count is a half, and we take
 * the mean of the intervals at the two neighbouring whole counts: the bounds are smooth in the count,
 * so this is within a few thousandths of the interval at the half count once n ≥ 10 (see the tests).
 */
export function winRate(aWins: number, bWins: number, ties: number): WinRateResult {
  assertCount('aWins', aWins)
  assertCount('bWins', bWins)
  assertCount('ties', ties)
  const judgments = aWins + bWins + ties
  if (judgments === 0) return { winRateA: null, ci95: null, judgments }
  const lower = wilsonInterval(aWins + Math.floor(ties / 2), judgments)
  const upper = wilsonInterval(aWins + Math.ceil(ties / 2), judgments)
  return {
    winRateA: (aWins + ties / 2) / judgments,
    ci95: { low: (lower.low + upper.low) / 2, high: (lower.high + upper.high) / 2 },
    judgments,
  }
}
