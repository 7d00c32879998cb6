import type { ModelRef } from '../../../../shared/domain/prompts'
import type { ModelPrice, OutputTokensBasis, RunEstimate, RunMode } from '../../../../shared/domain/runs'
import { batchSupport } from '../../../../shared/lib/batch-support'
import { findPrice } from '../llm/cost'
import type { ProviderSettings } from '../llm/providers/settings'

/** Batch APIs promise an answer within this many hours (OpenAI's completion window, Anthropic's expiry). */
export const batchWindowHours = 24

type Rates = { inputPerMTok: number; outputPerMTok: number }

/** Whether a batch-mode run sends this provider's calls as batch jobs, and why (or why not), per provider. */
export function planBatchSupport(
  settings: ReadonlyMap<string, ProviderSettings>,
): RunEstimate['batchSupport'] {
  return [...settings].map(([provider, s]) => ({ provider, ...batchSupport(s.kind) }))
}

/** The providers whose calls a run of this mode sends as batch jobs. */
export function batchedProviders(mode: RunMode, support: RunEstimate['batchSupport']): ReadonlySet<string> {
  return new Set(mode === 'batch' ? support.filter((s) => s.supported).map((s) => s.provider) : [])
}

/** The rates a call of this model is charged at: the batch price for a batched provider, else the streamed. */
function ratesOf(price: ModelPrice | undefined, batched: boolean): Rates | null {
  const rates = batched ? price?.batch : price
  if (!rates || rates.inputPerMTok === null || rates.outputPerMTok === null) return null
  return { inputPerMTok: rates.inputPerMTok, outputPerMTok: rates.outputPerMTok }
}

export interface CostInputs {
  models: readonly ModelRef[]
  prices: readonly ModelPrice[]
  inputPerModel: number
  outputs: readonly OutputTokensBasis[]
  outputOf: (b: OutputTokensBasis) => number
}

/**
 * Input at each model's price, output at the observed (or assumed) length of each version on each model; the
 * batched providers at their batch price. Null when any model's price is unknown: never a partial sum as $0.
 */
export function estimateCost(inputs: CostInputs, batched: ReadonlySet<string>): number | null {
  let usd = 0
  for (const model of inputs.models) {
    const rates = ratesOf(findPrice(inputs.prices, model), batched.has(model.provider))
    if (!rates) return null
    const mine = inputs.outputs.filter((b) => b.provider === model.provider && b.model === model.model)
    const outputTokens = mine.reduce((n, b) => n + inputs.outputOf(b), 0)
    usd += (inputs.inputPerModel * rates.inputPerMTok + outputTokens * rates.outputPerMTok) / 1_000_000
  }
  return usd
}

/** Cost and time in both modes, side by side, and the plan's own figures. */
export function modeFigures(
  mode: RunMode,
  cost: CostInputs,
  support: RunEstimate['batchSupport'],
  secondsFor: (streamed: (provider: string) => boolean) => number,
): Pick<
  RunEstimate,
  'estimatedCostUsd' | 'costByMode' | 'expectedSeconds' | 'timeByMode' | 'batchWindowHours'
> {
  const batched = batchedProviders('batch', support)
  const costByMode = { stream: estimateCost(cost, new Set()), batch: estimateCost(cost, batched) }
  const timeByMode = { stream: secondsFor(() => true), batch: secondsFor((p) => !batched.has(p)) }
  return {
    estimatedCostUsd: costByMode[mode],
    costByMode,
    expectedSeconds: timeByMode[mode],
    timeByMode,
    batchWindowHours: batched.size > 0 ? batchWindowHours : null,
  }
}
