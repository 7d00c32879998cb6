import { AppError } from '../../../../../shared/contract'
import type {
  PairwiseCase,
  PairwiseCaseFilter,
  PairwiseComparison,
} from '../../../../../shared/domain/pairwise'
import type { CoreContext } from '../../context'
import type { PairwiseJudgmentFacts, PairwiseRow } from '../../db/repos/pairwise'
import { resolveSlice, seriesLabel } from '../../compare/slices'
import { byCase, caseOutcome, summarize } from './outcome'
import { requireCriterion } from './plan'
import { sharedCases, type SharedCase } from './shared-cases'

export function requireComparison(ctx: CoreContext, id: string): PairwiseRow {
  const row = ctx.repos.pairwise.get(id)
  if (!row) throw new AppError('NOT_FOUND', `No pairwise comparison with id ${id}`)
  return row
}

function casesOf(ctx: CoreContext, row: PairwiseRow) {
  const a = resolveSlice(ctx, row.a)
  const b = resolveSlice(ctx, row.b)
  return { a, b, shared: sharedCases(ctx, a.run.datasetSnapshotId, row.a, row.b) }
}

/** The comparison with its labels and its summary as stored now (a running one is partial). */
export function comparisonView(ctx: CoreContext, row: PairwiseRow): PairwiseComparison {
  const { a, b, shared } = casesOf(ctx, row)
  const { rubric, criterion } = requireCriterion(ctx, row.rubricId, row.criterionKey)
  const judgeable = new Set(shared.judgeable.map((c) => c.case.id))
  const facts = ctx.repos.pairwise.facts(row.id).filter((f) => judgeable.has(f.caseId))
  return {
    id: row.id,
    a: row.a,
    b: row.b,
    aLabel: seriesLabel(a),
    bLabel: seriesLabel(b),
    rubricId: rubric.id,
    rubricName: `${rubric.name} v${rubric.version}`,
    criterionKey: criterion.key,
    criterionName: criterion.name,
    judge: row.judge,
    status: row.status,
    error: row.error,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    summary: summarize(facts, { cases: shared.judgeable.length, noOutput: shared.noOutput.length }),
  }
}

const side = (o: SharedCase['a']) => ({ text: o.text, error: o.error, toolCalls: o.toolCalls })

function toCase(shared: SharedCase, judgments: readonly PairwiseJudgmentFacts[]): PairwiseCase {
  const { outcome, inconsistent } = caseOutcome(judgments)
  return {
    caseId: shared.case.id,
    caseKey: shared.case.key,
    a: side(shared.a),
    b: side(shared.b),
    outcome,
    inconsistent,
    judgments: [...judgments]
      .sort((x, y) => x.order.localeCompare(y.order))
      .map((j) => ({
        order: j.order,
        verdict: j.verdict,
        reason: j.reason,
        error: j.error,
        costUsd: j.costUsd,
      })),
  }
}

function keep(filter: PairwiseCaseFilter, c: PairwiseCase): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'inconsistent':
      return c.inconsistent
    case 'failed':
      return c.judgments.some((j) => j.verdict === null)
    default:
      return c.outcome === filter
  }
}

/** The judged cases in dataset order (then those with no output on one side), filtered and paged. */
export function comparisonCases(
  ctx: CoreContext,
  input: { id: string; filter: PairwiseCaseFilter; offset: number; limit: number },
): { total: number; cases: PairwiseCase[] } {
  const row = requireComparison(ctx, input.id)
  const { shared } = casesOf(ctx, row)
  const judgments = byCase(ctx.repos.pairwise.facts(row.id))
  const all = [...shared.judgeable, ...shared.noOutput].map((c) => toCase(c, judgments.get(c.case.id) ?? []))
  const kept = all.filter((c) => keep(input.filter, c))
  return { total: kept.length, cases: kept.slice(input.offset, input.offset + input.limit) }
}
