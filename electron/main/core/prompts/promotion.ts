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

/** A gate is the conjunction of its requirements; with none that apply, promotion is free. */
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

/** Until eval gates exist, prod needs a person to have recorded an approval of this very version for prod. */
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
    }
  }
  const more = older.length > 0 ? ` (+${older.length} earlier)` : ''
  return {
    key: 'approval',
    label,
    satisfied: true,
    detail: `Approved by ${latest.approver} at ${latest.createdAt}${more}: ${latest.comment}`,
  }
}

/** Later issues append their requirements (e.g. 'eval') to these through createHandlers' options. */
export const defaultPromotionRequirements: readonly PromotionRequirement[] = [approvalRequirement]

/** The refusal message names every unmet requirement and why. */
export function describeUnmet(check: GateCheck): string {
  return check.requirements
    .filter((r) => !r.satisfied)
    .map((r) => `${r.label} (${r.key}): ${r.detail}`)
    .join('; ')
}
