import type { BundleExportRecord } from '../../../../shared/domain/bundles'
import type { EnvironmentPointer } from '../../../../shared/domain/environments'
import type { ModelRef, PromptSummary, VersionSummary } from '../../../../shared/domain/prompts'
import type { ProviderKind } from '../../../../shared/domain/providers'
import type { BundleCheck, IncidentRunbook } from '../../../../shared/domain/scorecard'
import type { EvalSuite } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import type { AbPairwise, AbRun, CacheUse, CanaryRun } from '../db/repos/maturity-facts'
import type { RunFacts } from '../db/repos/run-facts'
import { findProvider } from '../llm/catalog'
import { modelSwitches, type ModelSwitch } from './model-switches'
import { reviewCalibrations, type ReviewCalibration } from './review-calibration'

/** The model a version checked for pinning is configured with, and where it is deployed. */
export interface CheckedVersion {
  number: number
  env: string | null
  model: ModelRef
  /** The kind of the provider the model is pinned to; null when no provider has that name. */
  providerKind: ProviderKind | null
}

/** Everything the workspace holds about one prompt that a maturity criterion looks at. */
export interface PromptFacts {
  prompt: { id: string; name: string }
  /** Newest first. */
  versions: VersionSummary[]
  deployed: boolean
  checkedVersions: CheckedVersion[]
  runbook: IncidentRunbook | null
  suite: EvalSuite | null
  hasBaseline: boolean
  /** Exports of the prompt's baseline folder, newest first. */
  exports: BundleExportRecord[]
  /** CLI gate/verify runs recorded against the prompt's exports, newest first. */
  checks: BundleCheck[]
  /** Versions whose model differs from the version before, oldest first. */
  switches: ModelSwitch[]
  /** Oldest first. */
  canaries: CanaryRun[]
  abRun: AbRun | null
  abPairwise: AbPairwise | null
  runs: RunFacts
  /** Production alert thresholds set for the prompt. */
  alertThresholds: number
  calibrations: ReviewCalibration[]
  cache: CacheUse
}

const PRODUCTION_WINDOW_DAYS = 30

export function readPromptFacts(ctx: CoreContext, prompt: PromptSummary): PromptFacts {
  const { repos } = ctx
  const pointers = repos.environments.list(prompt.id)
  return {
    prompt: { id: prompt.id, name: prompt.name },
    versions: repos.prompts.versions(prompt.id),
    deployed: pointers.length > 0,
    checkedVersions: checkedVersions(ctx, prompt.id, pointers),
    runbook: repos.scorecardEvidence.runbook(),
    suite: repos.evalSuites.latest(prompt.id),
    hasBaseline: repos.baselines.forPrompt(prompt.id).length > 0,
    exports: repos.bundleExports.forPrompt(prompt.id),
    checks: repos.scorecardEvidence.checksOf(prompt.id),
    switches: modelSwitches(ctx, prompt.id, pointers),
    canaries: repos.maturityFacts.canaryRuns(prompt.id),
    abRun: repos.maturityFacts.abRun(prompt.id),
    abPairwise: repos.maturityFacts.abPairwise(prompt.id),
    runs: repos.runFacts.forPrompt(prompt.id, daysBefore(ctx.now(), PRODUCTION_WINDOW_DAYS)),
    alertThresholds: repos.production.settings(prompt.id)?.thresholds.length ?? 0,
    calibrations: reviewCalibrations(ctx, prompt.id),
    cache: repos.maturityFacts.cacheUse(prompt.id),
  }
}

/** The versions in staging or prod; the latest version when the prompt was never deployed. */
function checkedVersions(
  ctx: CoreContext,
  promptId: string,
  pointers: EnvironmentPointer[],
): CheckedVersion[] {
  const chosen: { id: string; env: string | null }[] =
    pointers.length > 0
      ? pointers.map((p) => ({ id: p.versionId, env: p.env }))
      : [{ id: ctx.repos.prompts.latestVersion(promptId)?.id ?? '', env: null }]
  return chosen.flatMap(({ id, env }) => {
    const version = ctx.repos.prompts.versionById(id)
    if (!version) return []
    const providerKind = findProvider(ctx.repos, version.model.provider)?.kind ?? null
    return [{ number: version.number, env, model: version.model, providerKind }]
  })
}

function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * 86_400_000).toISOString()
}
