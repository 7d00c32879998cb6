import { AppError } from '../../../../shared/contract'
import type { CompareCase, CompareSlice } from '../../../../shared/domain/compare'
import type { CoreContext } from '../context'
import type { CaseFacts, FirstOutput } from '../db/repos/case-pairs'
import { suiteMetrics } from '../scoring/metrics'
import { latestSuite } from '../scoring/suites'
import { changeOf, keepCase, orderCases, type CompareCasesFilter, type PositionedCase } from './case-pairs'
import { resolveSlice } from './slices'

export interface CompareCasesInput {
  baseline: CompareSlice
  candidate: CompareSlice
  filter: CompareCasesFilter
  offset: number
  limit: number
}

export interface CompareCasesPage {
  total: number
  cases: CompareCase[]
}

/** The first repeat of each case: outputs are compared one-to-one, and every run has a repeat 0. */
function firstRepeatOutputs(ctx: CoreContext, slice: CompareSlice): Map<string, FirstOutput> {
  return new Map(ctx.repos.casePairs.firstOutputs(slice.runId, slice).map((o) => [o.caseId, o]))
}

/** Metric → case id → normalised score of repeat 0, by the slice's own current suite. */
function firstRepeatScores(ctx: CoreContext, slice: CompareSlice) {
  const version = ctx.repos.prompts.versionById(slice.promptVersionId)
  if (!version) throw new AppError('NOT_FOUND', `No prompt version with id ${slice.promptVersionId}`)
  const metrics = suiteMetrics(ctx.repos, latestSuite(ctx, version.promptId))
  const hashOf = new Map(metrics.map((m) => [m.metric, m.hash]))
  const byMetric = new Map<string, Map<string, number | null>>()
  for (const s of ctx.repos.casePairs.firstScores(slice.runId, slice, [...hashOf.values()])) {
    // Only the current scorer of each metric counts: an older version keeps its rows but is not compared.
    if (hashOf.get(s.metric) !== s.scorerHash) continue
    const values = byMetric.get(s.metric) ?? new Map<string, number | null>()
    values.set(s.caseId, s.value)
    byMetric.set(s.metric, values)
  }
  return { metrics, byMetric }
}

const side = (o: FirstOutput) => ({ text: o.text, error: o.error, toolCalls: o.toolCalls })

/** Dataset position and case facts: the candidate's snapshot first, the baseline's for cases it lacks. */
function caseIndex(ctx: CoreContext, snapshotIds: readonly string[]) {
  const index = new Map<string, { position: number; info: CaseFacts }>()
  for (const id of new Set(snapshotIds))
    for (const c of ctx.repos.casePairs.caseFacts(id))
      if (!index.has(c.caseId)) index.set(c.caseId, { position: index.size, info: c })
  return index
}

type SliceScoresByCase = ReturnType<typeof firstRepeatScores>
type CaseIndex = ReturnType<typeof caseIndex>

/** One case side by side, scored with the candidate suite's metrics (found by name on the baseline side). */
function pairCase(
  caseId: string,
  outputs: { before: FirstOutput; after: FirstOutput },
  scores: { before: SliceScoresByCase; after: SliceScoresByCase },
  index: CaseIndex,
): PositionedCase {
  const perMetric = scores.after.metrics.map(({ metric }) => ({
    metric,
    baseline: scores.before.byMetric.get(metric)?.get(caseId) ?? null,
    candidate: scores.after.byMetric.get(metric)?.get(caseId) ?? null,
  }))
  const known = index.get(caseId)
  const item: CompareCase = {
    caseId,
    caseKey: known?.info.key ?? null,
    tags: known?.info.tags ?? [],
    baseline: side(outputs.before),
    candidate: side(outputs.after),
    scores: perMetric,
    change: changeOf(perMetric),
  }
  return { position: known?.position ?? Number.MAX_SAFE_INTEGER, item }
}

/**
 * The cases both slices answered (repeat 0), side by side, with per-metric scores of the candidate's suite
 * and the change; filtered, ordered (regressions worst first, then dataset order) and paged.
 */
export function compareCases(ctx: CoreContext, input: CompareCasesInput): CompareCasesPage {
  const baseline = resolveSlice(ctx, input.baseline)
  const candidate = resolveSlice(ctx, input.candidate)
  const before = firstRepeatOutputs(ctx, input.baseline)
  const scores = {
    before: firstRepeatScores(ctx, input.baseline),
    after: firstRepeatScores(ctx, input.candidate),
  }
  const index = caseIndex(ctx, [candidate.run.datasetSnapshotId, baseline.run.datasetSnapshotId])
  const paired = [...firstRepeatOutputs(ctx, input.candidate)].flatMap(([caseId, after]) => {
    const base = before.get(caseId)
    return base ? [pairCase(caseId, { before: base, after }, scores, index)] : []
  })
  const kept = orderCases(paired.filter((p) => keepCase(input.filter, p.item)))
  return { total: kept.length, cases: kept.slice(input.offset, input.offset + input.limit) }
}
