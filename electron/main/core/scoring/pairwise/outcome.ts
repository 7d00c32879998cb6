import type { PairwiseSummary, PairwiseVerdict } from '../../../../../shared/domain/pairwise'
import type { PairwiseJudgmentFacts } from '../../db/repos/pairwise'
import { winRateInterval } from './interval'

export interface CaseOutcome {
  /** null until both orders have a verdict. */
  outcome: PairwiseVerdict | null
  inconsistent: boolean
  failed: boolean
}

/**
 * Both orders agree → that slice wins (or both say tie → tie); they disagree → tie and the case is counted
 * as order-inconsistent: a judge that prefers whatever it sees first cancels itself out.
 */
export function caseOutcome(
  judgments: readonly Pick<PairwiseJudgmentFacts, 'order' | 'verdict'>[],
): CaseOutcome {
  const ab = judgments.find((j) => j.order === 'ab')?.verdict ?? null
  const ba = judgments.find((j) => j.order === 'ba')?.verdict ?? null
  const failed = judgments.some((j) => j.verdict === null)
  if (ab === null || ba === null) return { outcome: null, inconsistent: false, failed }
  if (ab === ba) return { outcome: ab, inconsistent: false, failed }
  return { outcome: 'tie', inconsistent: true, failed }
}

/** Judgments grouped by case, in the order they were stored. */
export function byCase(facts: readonly PairwiseJudgmentFacts[]): Map<string, PairwiseJudgmentFacts[]> {
  const grouped = new Map<string, PairwiseJudgmentFacts[]>()
  for (const f of facts) grouped.set(f.caseId, [...(grouped.get(f.caseId) ?? []), f])
  return grouped
}

/** What the judge calls cost: known prices summed, answered calls without a price counted apart. */
function costOf(facts: readonly PairwiseJudgmentFacts[]) {
  let judgeCostUsd = 0
  let unpricedCalls = 0
  for (const f of facts) {
    if (f.costUsd !== null) judgeCostUsd += f.costUsd
    else if (f.answered) unpricedCalls += 1
  }
  return { judgeCostUsd, unpricedCalls, judgeCalls: facts.length }
}

/**
 * Wins, losses and ties over the judged cases, from B's side; the win rate counts a tie as half a win and
 * its 95 % interval is Wilson's (see interval.ts).
 */
export function summarize(
  facts: readonly PairwiseJudgmentFacts[],
  shared: { cases: number; noOutput: number },
): PairwiseSummary {
  const counts = { judged: 0, bWins: 0, aWins: 0, ties: 0, inconsistent: 0, failed: 0 }
  for (const judgments of byCase(facts).values()) {
    const c = caseOutcome(judgments)
    if (c.failed) counts.failed += 1
    if (c.outcome === null) continue
    counts.judged += 1
    if (c.outcome === 'b') counts.bWins += 1
    else if (c.outcome === 'a') counts.aWins += 1
    else counts.ties += 1
    if (c.inconsistent) counts.inconsistent += 1
  }
  const judged = counts.judged
  const rate = judged > 0 ? (counts.bWins + counts.ties / 2) / judged : null
  return {
    cases: shared.cases,
    noOutput: shared.noOutput,
    ...counts,
    bWinRate: rate,
    interval: rate === null ? null : winRateInterval(rate, judged),
    ...costOf(facts),
  }
}
