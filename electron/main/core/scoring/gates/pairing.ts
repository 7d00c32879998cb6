import { pairKey, scored, type CaseScore } from './evidence'

export interface ScorePair {
  caseId: string
  repeat: number
  candidate: CaseScore
  baseline: CaseScore
}

export interface Pairing {
  pairs: ScorePair[]
  /** Scored on one side only (a case added or removed, an output that could not be scored). */
  leftOut: number
}

/** Matches the two slices case by case (case id + repeat); only outputs scored on both sides compare. */
export function pairScores(candidate: readonly CaseScore[], baseline: readonly CaseScore[]): Pairing {
  const base = new Map(scored(baseline).map((s) => [pairKey(s), s]))
  const pairs: ScorePair[] = []
  let candidateOnly = 0
  for (const c of scored(candidate)) {
    const b = base.get(pairKey(c))
    if (!b) {
      candidateOnly++
      continue
    }
    pairs.push({ caseId: c.caseId, repeat: c.repeat, candidate: c, baseline: b })
  }
  return { pairs, leftOut: candidateOnly + (base.size - pairs.length) }
}

/** Candidate − baseline on 0..1 per pair. */
export const deltasOf = (pairs: readonly ScorePair[]): number[] =>
  pairs.map((p) => (p.candidate.value ?? 0) - (p.baseline.value ?? 0))

/** How many case × repeat keys have a result in both slices (scored or not). */
export function countPaired(
  candidate: readonly { caseId: string; repeat: number }[],
  baseline: readonly { caseId: string; repeat: number }[],
): number {
  const base = new Set(baseline.map(pairKey))
  return new Set(candidate.map(pairKey).filter((k) => base.has(k))).size
}
