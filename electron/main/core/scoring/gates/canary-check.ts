import type { Run } from '../../../../../shared/domain/runs'
import type { RuleOutcome, SliceKey, Verdict } from '../../../../../shared/domain/scoring'
import { distinctModels, identityOf } from '../../../../../shared/lib/model-identity'
import type { CoreContext } from '../../context'
import { baselineEvidence, gateSetup, scoreBothSides } from './evaluate'
import { overallVerdict, evaluateRules } from './evaluate-rules'
import { rounded } from '../../../../../shared/lib/gate-text'
import { caseKeysOf, loadSliceEvidence } from './load-evidence'
import { requireSliceVersion, sliceName } from './slice'

export interface CanaryCheck {
  verdict: Verdict
  /** Names the failing slice and rule when the sample fails; says what happens next otherwise. */
  reason: string
}

interface SliceCheck {
  name: string
  verdict: Verdict
  failed: RuleOutcome[]
}

/**
 * The gate on a canary's sample, per slice of the run: format and rule scores only (judges cost time and
 * money and the sample decides only whether to go on), in 'canary' mode, where an absolute rule fails only
 * when its 95 % interval is wholly on the wrong side. Nothing is stored as a gate result: a sample is not
 * evidence for promotion, and the full gate is run on the finished run.
 */
export async function checkCanarySample(
  ctx: CoreContext,
  run: Run,
  sample: ReadonlySet<string>,
): Promise<CanaryCheck> {
  const include = (caseId: string): boolean => sample.has(caseId)
  const checks: SliceCheck[] = []
  for (const slice of slicesOf(ctx, run)) {
    const setup = gateSetup(ctx, run, slice.key)
    await scoreBothSides(ctx, setup, { judges: false, include })
    const outcome = evaluateRules({
      rules: setup.rules,
      candidate: loadSliceEvidence(ctx, run.id, slice.key, setup.metrics, include),
      baseline: baselineEvidence(ctx, setup, include),
      caseKeys: caseKeysOf(ctx, run.datasetSnapshotId),
      mode: 'canary',
    })
    checks.push({
      name: slice.name,
      verdict: outcome.verdict,
      failed: outcome.rules.filter((r) => r.verdict === 'fail'),
    })
  }
  return { verdict: overallVerdict(checks), reason: reasonFor(checks, sample.size) }
}

/** Every slice of the plan that produced results on the sample (a slice without any cannot be judged). */
function slicesOf(ctx: CoreContext, run: Run): { key: SliceKey; name: string }[] {
  return run.plan.promptVersionIds.flatMap((promptVersionId) =>
    distinctModels(run.plan.models)
      .map((m) => ({ promptVersionId, ...identityOf(m) }))
      .filter((key) => ctx.repos.runResults.count(run.id, key) > 0)
      .map((key) => ({ key, name: sliceName(requireSliceVersion(ctx, key).number, key) })),
  )
}

function reasonFor(checks: readonly SliceCheck[], sampleSize: number): string {
  const failing = checks.filter((c) => c.failed.length > 0)
  if (failing.length === 0) {
    const verdict = overallVerdict(checks)
    const how = verdict === 'pass' ? 'passes the gate' : 'does not fail the gate clearly'
    return `The ${sampleSize}-case sample ${how}: running the remaining cases`
  }
  const parts = failing.map((c) => `${c.name} fails ${c.failed.map(ruleSummary).join('; ')}`)
  return `Stopped after the ${sampleSize}-case sample: ${parts.join('. ')}`
}

/**
 * `"format.json_schema pass rate ≥ 99 %" (86.7 % pass (13 of 15) (95 % CI …))` for an absolute rule, the
 * delta and its interval for a relative one.
 */
function ruleSummary(rule: RuleOutcome): string {
  const measured =
    rule.delta !== null && rule.deltaCi95
      ? `${rounded(rule.delta)} points, 95 % CI ${rounded(rule.deltaCi95.low)} to ${rounded(rule.deltaCi95.high)}`
      : (rule.explanation.split('; ')[0] ?? rule.explanation).replace(/\.$/, '')
  return `"${rule.label}" (${measured})`
}
