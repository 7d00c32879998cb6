import type { EnvironmentPointer } from '../../../../shared/domain/environments'
import type { ModelRef, PromptSummary, VersionSummary } from '../../../../shared/domain/prompts'
import type { Baseline, EvalSuite } from '../../../../shared/domain/scoring'
import type { ProviderKind } from '../../../../shared/domain/providers'
import type { CoreContext } from '../context'
import { findProvider } from '../llm/catalog'
import type { RunFacts } from '../db/repos/run-facts'

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
  suite: EvalSuite | null
  baseline: Baseline | null
  baselineSignoffs: number
  exports: number
  latestExportAt: string | null
  runs: RunFacts
}

const PRODUCTION_WINDOW_DAYS = 30

export function readPromptFacts(ctx: CoreContext, prompt: PromptSummary): PromptFacts {
  const { repos } = ctx
  const pointers = repos.environments.list(prompt.id)
  const baseline = repos.baselines.forPrompt(prompt.id)[0] ?? null
  const exports = repos.bundleExports.forPrompt(prompt.id)
  return {
    prompt: { id: prompt.id, name: prompt.name },
    versions: repos.prompts.versions(prompt.id),
    deployed: pointers.length > 0,
    checkedVersions: checkedVersions(ctx, prompt.id, pointers),
    suite: repos.evalSuites.latest(prompt.id),
    baseline,
    baselineSignoffs: baseline ? signoffsOf(ctx, baseline) : 0,
    exports: exports.length,
    latestExportAt: exports[0]?.exportedAt ?? null,
    runs: repos.runFacts.forPrompt(prompt.id, daysBefore(ctx.now(), PRODUCTION_WINDOW_DAYS)),
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

/** Sign-offs of the baseline as it stands (same snapshot and run); older ones signed a different result. */
function signoffsOf(ctx: CoreContext, baseline: Baseline): number {
  return ctx.repos.signoffs
    .forPrompt(baseline.promptId)
    .filter((s) => s.datasetSnapshotId === baseline.datasetSnapshotId && s.runId === baseline.runId).length
}

function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * 86_400_000).toISOString()
}
