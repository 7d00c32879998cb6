import type { CompareCase, CompareSlice } from '../../../../shared/domain/compare'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { CoreContext } from '../../../../electron/main/core/context'
import type { ScoredOutput } from '../../../../electron/main/core/db/repos/run-scores'
import { runOutputs } from '../../../../electron/main/core/review/select'
import { inSlice } from '../../../../electron/main/core/scoring/gates/slice'
import { sliceScores } from '../../../../electron/main/core/scoring/slice-scores'
import {
  changeOf,
  keepCase,
  orderCases,
  type CompareCasesFilter,
  type PositionedCase,
} from '../../../../electron/main/core/compare/case-pairs'
import { resolveSlice } from '../../../../electron/main/core/compare/slices'

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
function firstRepeatOutputs(ctx: CoreContext, slice: CompareSlice): Map<string, ScoredOutput> {
  const outputs = runOutputs(ctx, slice.runId).filter((o) => o.repeat === 0 && inSlice(slice)(o))
  return new Map(outputs.map((o) => [o.caseId, o]))
}

/** Metric → case id → normalised score of repeat 0, by the slice's own current suite. */
function firstRepeatScores(ctx: CoreContext, slice: CompareSlice) {
  const { metrics, scores } = sliceScores(ctx, slice.runId, slice)
  const byMetric = new Map<string, Map<string, number | null>>()
  for (const [metric, list] of scores)
    byMetric.set(metric, new Map(list.filter((s) => s.repeat === 0).map((s) => [s.caseId, s.value])))
  return { metrics, byMetric }
}

const side = (o: ScoredOutput) => ({ text: o.responseText, error: o.errorMessage, toolCalls: [] })

/** Dataset position and case facts: the candidate's snapshot first, the baseline's for cases it lacks. */
function caseIndex(ctx: CoreContext, snapshotIds: readonly string[]) {
  const index = new Map<string, { position: number; info: DatasetCase }>()
  for (const id of snapshotIds)
    for (const c of ctx.repos.snapshots.allCases(id))
      if (!index.has(c.id)) index.set(c.id, { position: index.size, info: c })
  return index
}

type SliceScoresByCase = ReturnType<typeof firstRepeatScores>
type CaseIndex = ReturnType<typeof caseIndex>

/** One case side by side, scored with the candidate suite's metrics (found by name on the baseline side). */
function pairCase(
  caseId: string,
  outputs: { before: ScoredOutput; after: ScoredOutput },
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
