import type { PairwiseComparison } from '../../../../../shared/domain/pairwise'
import { judgeCostText, winRateText } from './format'

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <div className="pairwise-figure">
      <span className="muted">{label}</span>
      <strong data-testid={testId}>{value}</strong>
    </div>
  )
}

/** Wins and losses from B's side, the win rate with its interval, the inconsistent and failed cases, the cost. */
export function PairwiseSummaryView({ comparison }: { comparison: PairwiseComparison }) {
  const s = comparison.summary
  return (
    <div className="pairwise-summary" data-testid="pairwise-summary">
      <Figure label="Judged" value={`${s.judged} of ${s.cases}`} testId="pairwise-judged" />
      <Figure label="B better" value={s.bWins} testId="pairwise-b-wins" />
      <Figure label="A better" value={s.aWins} testId="pairwise-a-wins" />
      <Figure label="Ties" value={s.ties} testId="pairwise-ties" />
      <Figure
        label="B win rate (tie = ½)"
        value={winRateText(comparison.summary)}
        testId="pairwise-win-rate"
      />
      <Figure label="Orders disagreed" value={s.inconsistent} testId="pairwise-inconsistent" />
      <Figure label="Judge failed" value={s.failed} testId="pairwise-failed" />
      <Figure label="No output on one side" value={s.noOutput} testId="pairwise-no-output" />
      <Figure label="Judge cost" value={judgeCostText(comparison.summary)} testId="pairwise-cost" />
    </div>
  )
}
