import type { Environment } from '../../../../shared/domain/environments'
import type { GateCheck } from '../../../../shared/domain/registry'
import type { Repos } from '../db/repos'

export interface PromotionRequest {
  promptId: string
  versionId: string
  env: Environment
}

export type RequirementResult = GateCheck['requirements'][number]

/**
 * One condition a promotion must meet. Returns null when it does not apply to the request (the approval
 * requirement says nothing about staging). Requirements read state synchronously so the gate can run
 * inside the promotion's write transaction and judge exactly what is about to be promoted.
 */
export type PromotionRequirement = (request: PromotionRequest, repos: Repos) => RequirementResult | null

/** What the promote handler asks; callers never know which requirements exist. */
export interface PromotionGate {
  evaluate(request: PromotionRequest): GateCheck
}

/**
 * A gate is the conjunction of its requirements; with none that apply, promotion is free. `allowed` is
 * without overrides: whether an unmet overridable requirement may be overridden is the promotion's call.
 */
export function createPromotionGate(
  repos: Repos,
  requirements: readonly PromotionRequirement[],
): PromotionGate {
  return {
    evaluate: (request) => {
      const results = requirements
        .map((requirement) => requirement(request, repos))
        .filter((r): r is RequirementResult => r !== null)
      return {
        env: request.env,
        versionId: request.versionId,
        allowed: results.every((r) => r.satisfied),
        requirements: results,
      }
    },
  }
}

/** Prod needs a person to have recorded an approval of this very version for prod; no override exists. */
export const approvalRequirement: PromotionRequirement = (request, repos) => {
  if (request.env !== 'prod') return null
  const version = repos.prompts.versionById(request.versionId)
  const label = 'Recorded approval for prod'
  const [latest, ...older] = repos.approvals.forVersion(request.versionId, 'prod')
  if (!latest) {
    const which = version ? `v${version.number}` : 'this version'
    return {
      key: 'approval',
      label,
      satisfied: false,
      detail: `No one has approved ${which} for prod yet: record an approval first`,
      overridable: false,
    }
  }
  const more = older.length > 0 ? ` (+${older.length} earlier)` : ''
  return {
    key: 'approval',
    label,
    satisfied: true,
    detail: `Approved by ${latest.approver} at ${latest.createdAt}${more}: ${latest.comment}`,
    overridable: false,
  }
}

/**
 * Prod also needs evidence: a passing eval gate of this version on the model it is pinned to. The latest
 * gate result of that version × model decides, so a later failing gate withdraws an earlier pass. It may be
 * overridden (an urgent fix, a gate that cannot be run) with a reason recorded in the audit log.
 */
export const evalGateRequirement: PromotionRequirement = (request, repos) => {
  if (request.env !== 'prod') return null
  const version = repos.prompts.versionById(request.versionId)
  if (!version) return null
  const { provider, model } = version.model
  const label = `Passing eval gate on ${provider}/${model}`
  const latest = repos.gateResults.latestForModel(version.id, provider, model)
  const base = { key: 'eval_gate', label, overridable: true }
  if (!latest) {
    const detail =
      `No passing eval gate for v${version.number} on ${model}: ` +
      'run it on the baseline dataset and evaluate the gate'
    return { ...base, satisfied: false, detail }
  }
  const run = repos.runs.get(latest.candidateRunId)
  const where = `run "${run?.name ?? latest.candidateRunId}" at ${latest.createdAt}`
  if (latest.verdict === 'pass') return { ...base, satisfied: true, detail: `Gate passed on ${where}` }
  const failed = latest.rules.filter((r) => r.verdict !== 'pass').map((r) => r.label)
  const detail =
    `The latest eval gate for v${version.number} on ${model} (${where}) is ${latest.verdict}` +
    (failed.length > 0 ? `: ${failed.join('; ')}` : '')
  return { ...base, satisfied: false, detail }
}

/** Extra requirements (tests, later issues) are appended to these through createHandlers' options. */
export const defaultPromotionRequirements: readonly PromotionRequirement[] = [
  approvalRequirement,
  evalGateRequirement,
]

/** The refusal message names every unmet requirement and why. */
export function describeUnmet(requirements: readonly RequirementResult[]): string {
  return requirements.map((r) => `${r.label} (${r.key}): ${r.detail}`).join('; ')
}

/**
 * Which unmet requirements still block: all of them without an override reason; with one, only those
 * that cannot be overridden (an approval is never skipped).
 */
export function blockingRequirements(
  check: GateCheck,
  overrideReason: string | undefined,
): RequirementResult[] {
  return check.requirements.filter((r) => !r.satisfied && !(r.overridable && overrideReason))
}

/** The unmet requirements an override reason sets aside. */
export function overriddenRequirements(
  check: GateCheck,
  overrideReason: string | undefined,
): RequirementResult[] {
  return overrideReason ? check.requirements.filter((r) => !r.satisfied && r.overridable) : []
}
