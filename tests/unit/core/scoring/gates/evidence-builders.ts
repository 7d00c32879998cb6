import type { GateRule } from '../../../../../shared/domain/scoring'
import type {
  BaselineEvidence,
  CallFacts,
  CaseScore,
  GateInputs,
  SliceEvidence,
} from '../../../../../electron/main/core/scoring/gates/evidence'

export const caseId = (i: number): string => `case_${String(i).padStart(4, '0')}`

/** A pass/fail score per case: `passes[i]` for case i. */
export function passFail(passes: readonly boolean[]): CaseScore[] {
  return passes.map((ok, i) => ({
    caseId: caseId(i),
    repeat: 0,
    value: ok ? 1 : 0,
    raw: ok ? 1 : 0,
    passed: ok,
    reason: ok ? 'ok' : `case ${i} failed the check`,
  }))
}

/** Likert scores (1..5) normalised to 0..1 as the scorers store them. */
export function likert(raws: readonly number[]): CaseScore[] {
  return raws.map((raw, i) => ({
    caseId: caseId(i),
    repeat: 0,
    value: (raw - 1) / 4,
    raw,
    passed: null,
    reason: `scored ${raw}`,
  }))
}

/** `n` successful calls, each with the given latency and cost. */
export function calls(n: number, totalMs = 100, costUsd: number | null = 0.001): CallFacts[] {
  return Array.from({ length: n }, (_, i) => ({
    caseId: caseId(i),
    repeat: 0,
    error: false,
    cached: false,
    totalMs,
    costUsd,
  }))
}

export function slice(scores: Record<string, CaseScore[]>, results?: CallFacts[]): SliceEvidence {
  const n = Math.max(0, ...Object.values(scores).map((s) => s.length))
  return { scores: new Map(Object.entries(scores)), results: results ?? calls(n) }
}

export function inputs(
  rules: GateRule[],
  candidate: SliceEvidence,
  baseline: BaselineEvidence,
  mode: GateInputs['mode'] = 'gate',
): GateInputs {
  const keys = new Map<string, string>()
  for (const s of candidate.scores.values()) for (const c of s) keys.set(c.caseId, `tkt-${c.caseId.slice(5)}`)
  return { rules, candidate, baseline, caseKeys: keys, mode }
}

/** `n` booleans, `failures` of them false, spread deterministically over the list. */
export function withFailures(n: number, failures: readonly number[]): boolean[] {
  const failing = new Set(failures)
  return Array.from({ length: n }, (_, i) => !failing.has(i))
}
