import type { GateRule, RuleOutcome, Verdict } from '../../../../../shared/domain/scoring'

/** One score of a slice on one metric, as the gate needs it. */
export interface CaseScore {
  caseId: string
  repeat: number
  /** 0..1; null when the scorer could not score the output. */
  value: number | null
  /** On the criterion's own scale (e.g. 4 on 1–5). */
  raw: number | null
  /** Set for pass/fail metrics only. */
  passed: boolean | null
  reason: string
}

/** One stored call of a slice: what latency, cost and error rules look at. */
export interface CallFacts {
  caseId: string
  repeat: number
  error: boolean
  /** Answered from the response cache: no call was made, so it has no latency of its own. */
  cached: boolean
  totalMs: number | null
  costUsd: number | null
}

/** Everything the gate knows about one slice (prompt version × model) of a run. */
export interface SliceEvidence {
  scores: ReadonlyMap<string, readonly CaseScore[]>
  results: readonly CallFacts[]
}

/** The baseline side of a gate: absent, or a slice that may be the candidate itself. */
export type BaselineEvidence =
  { kind: 'none' } | { kind: 'self' } | { kind: 'slice'; evidence: SliceEvidence }

/**
 * 'gate' judges the whole dataset: an absolute rule is a measurement. 'canary' judges a random sample
 * of it, so an absolute score rule fails only when even its 95 % interval is below the limit.
 */
export type GateMode = 'gate' | 'canary'

export interface GateInputs {
  rules: readonly GateRule[]
  candidate: SliceEvidence
  baseline: BaselineEvidence
  /** Case id → the case's key in the snapshot, for failing-case lists. */
  caseKeys: ReadonlyMap<string, string>
  mode: GateMode
}

export const pairKey = (s: { caseId: string; repeat: number }): string => `${s.caseId}#${s.repeat}`

/** Scores that could be scored (value not null). */
export function scored(scores: readonly CaseScore[]): CaseScore[] {
  return scores.filter((s) => s.value !== null)
}

/** Pass/fail metrics carry `passed` on every score; ordinal ones (likert, labels) never do. */
export function isBinaryMetric(scores: readonly CaseScore[]): boolean {
  const known = scored(scores)
  return known.length > 0 && known.every((s) => s.passed !== null)
}

/** Lists are capped so one gate result cannot grow without bound on a large dataset. */
export const maxFailingCases = 200

export type FailingCase = RuleOutcome['failingCases'][number]

export function failingCase(
  caseKeys: ReadonlyMap<string, string>,
  caseId: string,
  detail: string,
): FailingCase {
  return { caseId, caseKey: caseKeys.get(caseId) ?? null, detail }
}

/**
 * Items in the order of the run's dataset snapshot (caseKeys iterates in that order): scores are stored in
 * the order calls finished, which varies from run to run, and a gate report must list the same cases the
 * same way every time. Cases the snapshot lacks come last.
 */
export function inDatasetOrder<T>(
  items: readonly T[],
  caseKeys: ReadonlyMap<string, string>,
  caseIdOf: (item: T) => string,
): T[] {
  const position = new Map([...caseKeys.keys()].map((id, i) => [id, i]))
  const at = (item: T) => position.get(caseIdOf(item)) ?? Number.MAX_SAFE_INTEGER
  return [...items].sort((a, b) => at(a) - at(b))
}

/** A rule outcome with nothing measured yet; each rule fills in what it knows. */
export function outcomeOf(
  rule: GateRule,
  label: string,
  verdict: Verdict,
  explanation: string,
  more: Partial<RuleOutcome> = {},
): RuleOutcome {
  return {
    rule,
    label,
    verdict,
    candidate: null,
    baseline: null,
    delta: null,
    deltaCi95: null,
    test: null,
    warning: null,
    explanation,
    failingCases: [],
    ...more,
  }
}
