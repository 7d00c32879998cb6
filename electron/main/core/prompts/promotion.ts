import type { Environment } from '../../../../shared/domain/environments'
import type { GateCheck } from '../../../../shared/domain/registry'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import { modelLabel } from '../../../../shared/lib/model-ref'
import type { Repos } from '../db/repos'
import { findProvider } from '../llm/catalog'

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
 * Prod also needs evidence: a passing eval gate of this version on the model it is pinned to — the same
 * provider and model id, since `local-llm/qwen2.5-7b` and `vllm/qwen2.5-7b` are different models. The latest
 * gate result of that version × model decides, so a later failing gate withdraws an earlier pass. It may be
 * overridden (an urgent fix, a gate that cannot be run) with a reason recorded in the audit log.
 */
export const evalGateRequirement: PromotionRequirement = (request, repos) => {
  if (request.env !== 'prod') return null
  const version = repos.prompts.versionById(request.versionId)
  if (!version) return null
  const pinned = modelLabel(version.model)
  const base = { key: 'eval_gate', label: `Passing eval gate on ${pinned}`, overridable: true }
  const latest = repos.gateResults.latestForModel(version.id, version.model.provider, version.model.model)
  if (!latest) return { ...base, satisfied: false, detail: missingGateDetail(repos, version) }
  const run = repos.runs.get(latest.candidateRunId)
  const where = `run "${run?.name ?? latest.candidateRunId}" at ${latest.createdAt}`
  if (latest.verdict === 'pass') return { ...base, satisfied: true, detail: `Gate passed on ${where}` }
  const failed = latest.rules.filter((r) => r.verdict !== 'pass').map((r) => r.label)
  const detail =
    `The latest eval gate for v${version.number} on ${pinned} (${where}) is ${latest.verdict}` +
    (failed.length > 0 ? `: ${failed.join('; ')}` : '')
  return { ...base, satisfied: false, detail }
}

/**
 * Why there is no evidence yet, and the way to get it. A gate of the same model id through another provider
 * is named, so the refusal never reads as if the gate the user just saw pass did not exist.
 */
function missingGateDetail(repos: Repos, version: PromptVersion): string {
  const { provider, model } = version.model
  const pinned = modelLabel(version.model)
  const v = `v${version.number}`
  const elsewhere = repos.gateResults
    .forPrompt(version.promptId)
    .find((g) => g.promptVersionId === version.id && g.candidate.modelId === model)
  const other = elsewhere ? modelLabel({ provider: elsewhere.candidate.provider, model }) : null
  const known = findProvider(repos, provider) !== undefined
  const head = known
    ? `No eval gate for ${v} on ${pinned} yet`
    : `${v} is pinned to ${pinned}, but no provider is named "${provider}" in Settings`
  const aside =
    elsewhere && other
      ? `. The gate ${elsewhere.verdict === 'pass' ? 'passed' : `was ${elsewhere.verdict}`} on ${other}: ` +
        `another provider, so not evidence for the pinned model`
      : ''
  const gateIt = `run ${v} on ${pinned} over the baseline dataset and evaluate the gate`
  const repin = other
    ? `save a version pinned to ${other} and gate it`
    : 'pin a version to a configured provider'
  const fix = known
    ? `${gateIt}${other ? `, or ${repin}` : ''}`
    : `add a provider named "${provider}" in Settings → Providers and ${gateIt}, or ${repin}`
  return `${head}${aside}: ${fix}`
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
