import type { PairwiseSummary, PairwiseVerdict } from '../../../../../shared/domain/pairwise'

export const percent = (x: number): string => `${(x * 100).toFixed(0)} %`

/** "62 % (95 % CI 41–80 %)", or a dash before any case is judged. */
export function winRateText(s: PairwiseSummary): string {
  if (s.bWinRate === null || !s.interval) return '—'
  return `${percent(s.bWinRate)} (95 % CI ${(s.interval.low * 100).toFixed(0)}–${percent(s.interval.high)})`
}

/** "$0.0123", "≥ $0.0123 (4 calls without a price)" or "unknown (4 calls without a price)": never a false $0. */
export function judgeCostText(s: PairwiseSummary): string {
  const known = `$${s.judgeCostUsd.toFixed(4)}`
  if (s.unpricedCalls === 0) return known
  const unpriced = `${s.unpricedCalls} call${s.unpricedCalls === 1 ? '' : 's'} without a price`
  return s.judgeCostUsd > 0 ? `≥ ${known} (${unpriced})` : `unknown (${unpriced})`
}

export function verdictText(v: PairwiseVerdict | null): string {
  switch (v) {
    case 'a':
      return 'A better'
    case 'b':
      return 'B better'
    case 'tie':
      return 'Tie'
    case null:
      return 'Not judged'
  }
}
