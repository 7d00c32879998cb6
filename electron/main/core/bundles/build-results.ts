import { AppError } from '../../../../shared/contract'
import type { RunResult } from '../../../../shared/domain/runs'
import type { Baseline } from '../../../../shared/domain/scoring'
import { sliceOf } from '../../../../shared/lib/model-identity'
import type { Repos } from '../db/repos'
import { resultKey, type StoredScore } from '../db/repos/run-scores'
import type { SuiteMetric } from '../scoring/metrics'
import { groupCurrentScores } from '../scoring/summary-metrics'
import type { ResultLine } from './format'

type LineScores = ResultLine['scores']

/** The slice's results (every page of them): its provider and model id both. */
function sliceResults(repos: Repos, baseline: Baseline): RunResult[] {
  const filter = sliceOf(baseline.slice)
  const total = repos.runResults.count(baseline.runId, filter)
  return repos.runResults.page(baseline.runId, filter, 0, Math.max(total, 1))
}

/** Scores of the current suite's scorers by result, metric → score. */
function scoresByResult(
  repos: Repos,
  baseline: Baseline,
  metrics: readonly SuiteMetric[],
): Map<string, LineScores> {
  const stored = repos.runScores.list(baseline.runId, {
    ...sliceOf(baseline.slice),
    scorerHashes: metrics.map((m) => m.hash),
  })
  const out = new Map<string, LineScores>()
  for (const list of groupCurrentScores(metrics, stored).values()) {
    for (const s of list) {
      const key = resultKey(s)
      const scores = out.get(key) ?? {}
      scores[s.metric] = portableScore(s)
      out.set(key, scores)
    }
  }
  return out
}

const portableScore = (s: StoredScore): LineScores[string] => ({
  value: s.value,
  raw: s.raw,
  passed: s.passed,
  reason: s.reason,
  source: s.source,
})

function toLine(r: RunResult, caseKey: string, scores: LineScores): ResultLine {
  return {
    case: caseKey,
    repeat: r.repeat,
    output: r.responseText,
    finishReason: r.finishReason,
    error: r.errorKind === null ? null : { kind: r.errorKind, message: r.errorMessage ?? '' },
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    cachedTokens: r.cachedTokens,
    costUsd: r.costUsd,
    ttftMs: r.ttftMs,
    totalMs: r.totalMs,
    attempts: r.attempts,
    ...(r.toolCalls.length > 0 ? { toolCalls: r.toolCalls } : {}),
    ...(r.steps !== null ? { steps: r.steps } : {}),
    scores,
  }
}

const byCaseThenRepeat = (a: ResultLine, b: ResultLine): number =>
  a.case < b.case ? -1 : a.case > b.case ? 1 : a.repeat - b.repeat

/** baseline/results.jsonl's lines: the slice's results with their current scores, by case key then repeat. */
export function buildResultLines(
  repos: Repos,
  baseline: Baseline,
  caseKeys: ReadonlyMap<string, string>,
  metrics: readonly SuiteMetric[],
): ResultLine[] {
  const scores = scoresByResult(repos, baseline, metrics)
  return sliceResults(repos, baseline)
    .map((r) => {
      const caseKey = caseKeys.get(r.caseId)
      if (caseKey === undefined) {
        throw new AppError(
          'INTERNAL',
          `A result of the baseline run is for a case outside its dataset snapshot`,
        )
      }
      return toLine(r, caseKey, scores.get(resultKey(r)) ?? {})
    })
    .sort(byCaseThenRepeat)
}
