import type { ModelRef, PromptVersion } from '../../../../shared/domain/prompts'
import type { OutputTokensBasis, TimeBasis } from '../../../../shared/domain/runs'
import type { ResultHistoryRepo } from '../db/repos/result-history'
import { defaultAssumedOutputTokens } from '../prompts/preview'
import type { ProviderSettings } from '../llm/providers/settings'

/**
 * Where a run estimate's figures come from. Time per call: the mean duration of the provider's last 500
 * answered calls in its 10 most recent runs, once there are at least 10 (else an assumption, said as such:
 * 0.1 s for the simulated model, 2 s for any other). Output tokens: the mean of recent answers of the same
 * prompt version on the same model, else of the model with any prompt (5 answers at least), else the version's
 * max tokens (an upper bound), else a default. The mean, not the median, is what a sum of calls adds up to;
 * the median is shown because it is what a user recognises as "a call takes".
 */
export const estimateHistory = {
  runs: 10,
  results: 500,
  minLatencyCalls: 10,
  minOutputCalls: 5,
} as const

const limits = { runs: estimateHistory.runs, results: estimateHistory.results }

/** Assumed seconds per call when nothing was observed: the simulated model is quick, a hosted one slower. */
export const assumedLatency = (settings: ProviderSettings): number => (settings.kind === 'demo' ? 0.1 : 2)

export function timeBasisFor(
  provider: string,
  settings: ProviderSettings,
  history: ResultHistoryRepo,
): TimeBasis {
  const durations = history.latencies(provider, limits)
  if (durations.length < estimateHistory.minLatencyCalls) {
    return { kind: 'assumed', provider, secondsPerCall: assumedLatency(settings) }
  }
  const sorted = [...durations].sort((a, b) => a - b)
  const middle = sorted.length / 2
  const p50Ms =
    sorted.length % 2
      ? (sorted[Math.floor(middle)] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  const meanMs = durations.reduce((sum, d) => sum + d, 0) / durations.length
  return { kind: 'observed', provider, calls: durations.length, p50Ms, meanMs }
}

export const secondsPerCall = (basis: TimeBasis): number =>
  basis.kind === 'observed' ? basis.meanMs / 1000 : basis.secondsPerCall

export function outputBasisFor(
  version: PromptVersion,
  model: ModelRef,
  history: ResultHistoryRepo,
): OutputTokensBasis {
  const ids = { promptVersionId: version.id, provider: model.provider, model: model.model }
  const own = history.outputsOfVersion(version.id, model.provider, model.model, limits)
  if (own.calls >= estimateHistory.minOutputCalls) {
    return { kind: 'observed', ...ids, scope: 'version', calls: own.calls, meanTokens: own.meanTokens }
  }
  const any = history.outputsOfModel(model.provider, model.model, limits)
  if (any.calls >= estimateHistory.minOutputCalls) {
    return { kind: 'observed', ...ids, scope: 'model', calls: any.calls, meanTokens: any.meanTokens }
  }
  const max = version.params.maxTokens
  return max === undefined
    ? { kind: 'assumed', ...ids, source: 'default', tokensPerCall: defaultAssumedOutputTokens }
    : { kind: 'assumed', ...ids, source: 'max_tokens', tokensPerCall: max }
}

export const tokensPerCall = (basis: OutputTokensBasis): number =>
  basis.kind === 'observed' ? basis.meanTokens : basis.tokensPerCall
