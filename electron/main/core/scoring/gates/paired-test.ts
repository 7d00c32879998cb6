import type { RuleOutcome } from '../../../../../shared/domain/scoring'
import {
  mcnemarExact,
  mdePairedMeans,
  mdePairedProportions,
  sampleStandardDeviation,
  signTest,
  wilcoxonSignedRank,
} from '../stats'
import { rounded } from '../../../../../shared/lib/gate-text'
import { deltasOf, type ScorePair } from './pairing'

export interface PairedTest {
  test: NonNullable<RuleOutcome['test']>
  /** What the test counted, for the explanation. */
  text: string
  /** The smallest drop (in points) this many pairs detect at α = 0.05 with 80 % power. */
  mdePoints: number
}

/**
 * Exact paired tests: McNemar on the discordant pairs of a pass/fail metric, Wilcoxon signed-rank on an
 * ordinal one (zero differences dropped; the sign test when nothing differs, which then reports p = 1).
 */
export function pairedTest(pairs: readonly ScorePair[], binary: boolean): PairedTest {
  return binary ? mcnemar(pairs) : wilcoxon(pairs)
}

function mcnemar(pairs: readonly ScorePair[]): PairedTest {
  const worse = pairs.filter((p) => p.baseline.passed === true && p.candidate.passed === false).length
  const better = pairs.filter((p) => p.baseline.passed === false && p.candidate.passed === true).length
  const result = mcnemarExact(worse, better)
  return {
    test: { name: 'McNemar exact', pValue: result.pValue, statistic: result.chiSquare },
    text: `${worse} pass → fail and ${better} fail → pass`,
    mdePoints: 100 * mdePairedProportions(pairs.length, (worse + better) / pairs.length),
  }
}

function wilcoxon(pairs: readonly ScorePair[]): PairedTest {
  const deltas = deltasOf(pairs)
  const mdePoints =
    100 * mdePairedMeans(pairs.length, deltas.length < 2 ? 0 : sampleStandardDeviation(deltas))
  const worse = deltas.filter((d) => d < 0).length
  const better = deltas.filter((d) => d > 0).length
  const text = `${worse} worse and ${better} better`
  const result = wilcoxonSignedRank(deltas)
  if (result.n < 1) {
    const sign = signTest(better, worse)
    return {
      test: { name: 'Sign test', pValue: sign.pValue, statistic: Math.min(worse, better) },
      text,
      mdePoints,
    }
  }
  const method = result.method === 'exact' ? 'exact' : 'normal approximation'
  return {
    test: { name: `Wilcoxon signed-rank (${method})`, pValue: result.pValue, statistic: result.statistic },
    text,
    mdePoints,
  }
}

/** "With 12 paired cases a drop smaller than 31.2 points cannot be detected; add cases." */
export function mdeWarning(pairs: number, mdePoints: number, marginPoints: number): string | null {
  if (mdePoints <= marginPoints) return null
  return (
    `With ${pairs} paired cases a drop smaller than ${rounded(mdePoints)} points cannot be detected ` +
    `(the rule allows ${rounded(marginPoints)}); add cases.`
  )
}
