import { AppError } from '../../../../../shared/contract'
import type { CompareSlice } from '../../../../../shared/domain/compare'
import type { PairwiseStart } from '../../../../../shared/domain/pairwise'
import type { Rubric, RubricCriterion } from '../../../../../shared/domain/scoring'
import type { CoreContext } from '../../context'
import { resolveSlice, type ResolvedSlice } from '../../compare/slices'

/** A comparison's inputs checked against the workspace. */
export interface PairwisePlan {
  input: PairwiseStart
  a: ResolvedSlice
  b: ResolvedSlice
  snapshotId: string
  rubric: Rubric
  criterion: RubricCriterion
}

const sameSlice = (x: CompareSlice, y: CompareSlice): boolean =>
  x.runId === y.runId &&
  x.promptVersionId === y.promptVersionId &&
  x.provider === y.provider &&
  x.modelId === y.modelId

export function requireCriterion(ctx: CoreContext, rubricId: string, criterionKey: string) {
  const rubric = ctx.repos.rubrics.byId(rubricId)
  if (!rubric) throw new AppError('NOT_FOUND', `No rubric with id ${rubricId}`)
  const criterion = rubric.criteria.find((c) => c.key === criterionKey)
  if (!criterion)
    throw new AppError(
      'NOT_FOUND',
      `Rubric "${rubric.name}" v${rubric.version} has no criterion "${criterionKey}"`,
    )
  return { rubric, criterion }
}

/**
 * Two different slices answering the same cases: the same run, or two runs on one dataset snapshot (other
 * cases, or other revisions of a case, would not be a fair A/B).
 */
export function planPairwise(ctx: CoreContext, input: PairwiseStart): PairwisePlan {
  if (sameSlice(input.a, input.b))
    throw new AppError('INVALID_INPUT', 'A pairwise comparison needs two different slices')
  const a = resolveSlice(ctx, input.a)
  const b = resolveSlice(ctx, input.b)
  if (a.run.datasetSnapshotId !== b.run.datasetSnapshotId)
    throw new AppError(
      'INVALID_INPUT',
      `Runs "${a.run.name}" and "${b.run.name}" used different dataset snapshots: a pairwise judge compares ` +
        'answers to the same cases, so pick two slices of one run or of two runs on one snapshot',
    )
  return {
    input,
    a,
    b,
    snapshotId: a.run.datasetSnapshotId,
    ...requireCriterion(ctx, input.rubricId, input.criterionKey),
  }
}
