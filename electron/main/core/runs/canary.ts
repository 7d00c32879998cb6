import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { RunPlan } from '../../../../shared/domain/runs'
import type { CanaryState } from '../../../../shared/domain/scoring'
import { createRandom } from '../scoring/stats'

type CanaryPlan = NonNullable<RunPlan['canary']>

/** A share of the cases, at least one and never the whole dataset when there is more than one case. */
export function canarySampleSize(caseCount: number, share: number): number {
  if (caseCount <= 1) return caseCount
  return Math.min(caseCount - 1, Math.max(1, Math.round(caseCount * share)))
}

/**
 * The cases a canary runs first: a seeded random sample, so a resumed run (and anyone re-running the plan)
 * draws the same cases. Every slice of the run gets the same cases, so slices can be compared on them.
 */
export function canarySample(cases: readonly DatasetCase[], canary: CanaryPlan): Set<string> {
  const ids = cases.map((c) => c.id)
  const random = createRandom(canary.seed)
  // Fisher–Yates, stopped once the sample positions at the front are drawn.
  const size = canarySampleSize(ids.length, canary.share)
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (ids.length - i))
    const picked = ids[j] as string
    ids[j] = ids[i] as string
    ids[i] = picked
  }
  return new Set(ids.slice(0, size))
}

/** What a new canary run records before its first call. */
export function startCanary(canary: CanaryPlan | undefined, caseCount: number): CanaryState | null {
  if (!canary) return null
  const size = canarySampleSize(caseCount, canary.share)
  return {
    share: canary.share,
    phase: 'sampling',
    sampleSize: size,
    verdict: null,
    reason: `Runs ${size} of ${caseCount} cases first and stops if they already fail the gate`,
  }
}
