import type { CompareSlice } from '../../../../../shared/domain/compare'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { CoreContext } from '../../context'
import type { FirstOutput } from '../../db/repos/case-pairs'

/** A case both slices answered (repeat 0), with its dataset fields. */
export interface SharedCase {
  case: DatasetCase
  a: FirstOutput
  b: FirstOutput
}

export interface SharedCases {
  /** Cases both slices answered with an output, in dataset order: each is judged in both orders. */
  judgeable: SharedCase[]
  /** Shared cases where one side's call failed (no output to compare). */
  noOutput: SharedCase[]
}

const outputsOf = (ctx: CoreContext, slice: CompareSlice): Map<string, FirstOutput> =>
  new Map(ctx.repos.casePairs.firstOutputs(slice.runId, slice).map((o) => [o.caseId, o]))

/**
 * The cases of the snapshot both slices answered, first repeat only (every run has one). Both runs use
 * the same snapshot (checked when the comparison starts), so its cases give the order and the fields.
 */
export function sharedCases(
  ctx: CoreContext,
  snapshotId: string,
  a: CompareSlice,
  b: CompareSlice,
): SharedCases {
  const left = outputsOf(ctx, a)
  const right = outputsOf(ctx, b)
  const result: SharedCases = { judgeable: [], noOutput: [] }
  for (const c of ctx.repos.snapshots.allCases(snapshotId)) {
    const outA = left.get(c.id)
    const outB = right.get(c.id)
    if (!outA || !outB) continue
    const pair = { case: c, a: outA, b: outB }
    if (outA.text === null || outB.text === null) result.noOutput.push(pair)
    else result.judgeable.push(pair)
  }
  return result
}
