import { AppError } from '../../../../shared/contract'
import type { DatasetSnapshot } from '../../../../shared/domain/datasets'
import type { ModelRef, PromptVersion } from '../../../../shared/domain/prompts'
import type { PriceOverride } from '../../../../shared/domain/providers'
import type {
  ModelPrice,
  OutputTokensBasis,
  RunEstimate,
  RunPlan,
  TimeBasis,
} from '../../../../shared/domain/runs'
import { repeatedModels } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../context'
import type { ResultHistoryRepo } from '../db/repos/result-history'
import { takeSnapshot } from './take-snapshot'
import { readSnapshotCases } from '../snapshot-cases'
import { versionLoads } from './estimate-calls'
import { pricedProvider, priceTableFor } from '../llm/cost'
import { modeFigures, planBatchSupport } from './estimate-modes'
import { outputBasisFor, secondsPerCall, timeBasisFor, tokensPerCall } from './estimate-basis'
import { resolveSettings } from '../llm/provider-setup'
import { toolParamProblems } from '../llm/providers/tool-check'
import type { ProviderSettings } from '../llm/providers/settings'
import type { RunnerOptions } from './run-options'

/** A plan with everything it names loaded: what both the estimate and the runner work from. */
export interface ResolvedPlan {
  plan: RunPlan
  snapshot: DatasetSnapshot
  versions: PromptVersion[]
  settings: Map<string, ProviderSettings>
  /** The user's prices, read with the plan so the estimate and the run freeze the same ones. */
  priceOverrides: PriceOverride[]
}

export function loadVersions(ctx: CoreContext, ids: readonly string[]): PromptVersion[] {
  return [...new Set(ids)].map((id) => {
    const version = ctx.repos.prompts.versionById(id)
    if (!version) throw new AppError('NOT_FOUND', `No prompt version with id ${id}`)
    return version
  })
}

/** Each provider's own settings, once per provider of `models`; refuses unknown providers early. */
export function providerSettings(
  ctx: CoreContext,
  models: readonly ModelRef[],
  options: RunnerOptions,
): Map<string, ProviderSettings> {
  const out = new Map<string, ProviderSettings>()
  for (const { provider } of models) {
    if (!out.has(provider)) out.set(provider, resolveSettings(ctx, provider, options))
  }
  return out
}

/**
 * Settings per provider as a run of the plan meets them: the plan's concurrency caps the run's share of the
 * provider's lane, which never exceeds the provider's own concurrency (the lane is shared by every run).
 */
export function planSettings(
  ctx: CoreContext,
  models: readonly ModelRef[],
  concurrency: RunPlan['concurrency'],
  options: RunnerOptions,
): Map<string, ProviderSettings> {
  const out = providerSettings(ctx, models, options)
  for (const [provider, settings] of out) {
    const wanted = concurrency?.[provider]
    if (wanted) out.set(provider, { ...settings, concurrency: Math.min(wanted, settings.concurrency) })
  }
  return out
}

/**
 * A model is its provider and model id: `local-llm/qwen2.5` and `vllm-box/qwen2.5` are two models and both
 * run. The exact same provider/model twice is refused rather than quietly dropped: it can only ever hold one
 * set of results, so it is a mistake in the plan (another provider meant, or more repeats), and the stored
 * plan must stay what the user asked for.
 */
function refuseRepeatedModels(plan: RunPlan): void {
  const repeated = repeatedModels(plan.models)
  if (repeated.length === 0) return
  const names = repeated.join(', ')
  throw new AppError(
    'INVALID_INPUT',
    `The plan lists ${names} more than once. Each provider/model runs once per run: to call it more often ` +
      'set repeats; the same model id through another provider is a model of its own and can be added.',
    { repeated },
  )
}

/**
 * A version whose tools, tool choice or JSON Schema response format the adapters would refuse is refused once,
 * here, with every problem named — not by every case of the run at call time. Checked before the snapshot is
 * taken, so a refused plan writes nothing.
 */
function refuseMalformedTools(ctx: CoreContext, version: PromptVersion): void {
  const problems = toolParamProblems(version.params)
  if (problems.length === 0) return
  const prompt = ctx.repos.prompts.get(version.promptId)?.name ?? version.promptId
  throw new AppError(
    'INVALID_INPUT',
    `${prompt} v${version.number} cannot run: ${problems.join('; ')}. Save a corrected version and run that.`,
    { promptVersionId: version.id, problems },
  )
}

/**
 * Takes (or reuses) the dataset snapshot: runs never read the editable working copy. The cases themselves
 * are not read here: a run counts them from the snapshot and reads them in slices as it calls them.
 */
export async function resolvePlan(
  ctx: CoreContext,
  plan: RunPlan,
  options: RunnerOptions,
): Promise<ResolvedPlan> {
  refuseRepeatedModels(plan)
  const versions = loadVersions(ctx, plan.promptVersionIds)
  versions.forEach((v) => refuseMalformedTools(ctx, v))
  const settings = planSettings(ctx, plan.models, plan.concurrency, options)
  const snapshot = await takeSnapshot(ctx, plan.datasetId)
  const priceOverrides = ctx.repos.priceOverrides.list()
  return { plan, snapshot, versions, settings, priceOverrides }
}

/** The prices a run of this plan freezes: the user's overrides, zero for local providers, else the table. */
export function planPriceTable(resolved: ResolvedPlan): Promise<ModelPrice[]> {
  const providers = new Map([...resolved.settings].map(([name, s]) => [name, pricedProvider(s)]))
  return priceTableFor(resolved.plan.models, { overrides: resolved.priceOverrides, providers })
}

export async function estimatePlan(
  ctx: CoreContext,
  resolved: ResolvedPlan,
  history: ResultHistoryRepo,
): Promise<RunEstimate> {
  const { plan, versions, settings, snapshot } = resolved
  const prices = await planPriceTable(resolved)
  const cases = await readSnapshotCases(ctx.repos, snapshot.id)
  const loads = await versionLoads(cases, versions)
  // Per model: each version's calls (a tool loop takes several) and input tokens, over every repeat.
  const callsOf = (versionId: string) => (loads.get(versionId)?.calls ?? 0) * plan.repeats
  const perModelCalls = versions.reduce((n, v) => n + callsOf(v.id), 0)
  const inputPerModel = versions.reduce((n, v) => n + (loads.get(v.id)?.inputTokens ?? 0), 0) * plan.repeats
  const timeBasis = [...settings].map(([name, s]) => timeBasisFor(name, s, history))
  const outputTokensBasis = versions.flatMap((v) => plan.models.map((m) => outputBasisFor(v, m, history)))
  const outputOf = (b: OutputTokensBasis) => tokensPerCall(b) * callsOf(b.promptVersionId)
  const support = planBatchSupport(settings)
  const cost = { models: plan.models, prices, inputPerModel, outputs: outputTokensBasis, outputOf }
  const secondsFor = (streamed: (provider: string) => boolean) =>
    expectedSeconds(
      plan.models.filter((m) => streamed(m.provider)),
      perModelCalls,
      settings,
      timeBasis,
    )
  return {
    calls: perModelCalls * plan.models.length,
    estimatedInputTokens: inputPerModel * plan.models.length,
    estimatedOutputTokens: Math.round(outputTokensBasis.reduce((n, b) => n + outputOf(b), 0)),
    ...modeFigures(plan.mode, cost, support, secondsFor),
    batchSupport: support,
    timeBasis,
    outputTokensBasis,
    datasetSnapshot: snapshot,
  }
}

/** Providers run side by side; each is bound by its concurrency and its requests-per-minute limit. */
function expectedSeconds(
  models: readonly ModelRef[],
  perModelCalls: number,
  settings: Map<string, ProviderSettings>,
  basis: readonly TimeBasis[],
): number {
  const calls = new Map<string, number>()
  for (const m of models) calls.set(m.provider, (calls.get(m.provider) ?? 0) + perModelCalls)
  let seconds = 0
  for (const [provider, n] of calls) {
    const s = settings.get(provider)
    const b = basis.find((x) => x.provider === provider)
    if (!s || !b) continue
    const byConcurrency = (n * secondsPerCall(b)) / s.concurrency
    const byRate = s.requestsPerMinute ? (n * 60) / s.requestsPerMinute : 0
    seconds = Math.max(seconds, byConcurrency, byRate)
  }
  return Math.round(seconds * 10) / 10
}
