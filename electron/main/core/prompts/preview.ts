import type * as Prices from '@pydantic/genai-prices'
import type * as Tokenizer from 'gpt-tokenizer/encoding/o200k_base'
import type { ModelParams, ModelRef, PromptMessage } from '../../../../shared/domain/prompts'
import type { Preview } from '../../../../shared/domain/registry'
import { renderMessages } from './templates'

// The tokenizer and price table stay in the core: they are large, and the renderer asks through preview.
// They load on the first preview, not at startup: the o200k tables alone take most of a second to import.
interface Engines {
  encodeChat: typeof Tokenizer.encodeChat
  calcPrice: typeof Prices.calcPrice
}

let engines: Promise<Engines> | null = null

function loadEngines(): Promise<Engines> {
  engines ??= Promise.all([
    import('gpt-tokenizer/encoding/o200k_base'),
    import('@pydantic/genai-prices'),
  ]).then(
    ([tokenizer, prices]) => ({ encodeChat: tokenizer.encodeChat, calcPrice: prices.calcPrice }),
    (error: unknown) => {
      engines = null // let the next preview try again instead of failing forever
      throw error
    },
  )
  return engines
}

/** Output length is unknown before a call; without a max tokens setting we assume a short answer. */
export const defaultAssumedOutputTokens = 256

const localProviders = new Set(['openai-compatible', 'demo'])

/** OpenAI model families tokenized with o200k_base, where our count is the real one. */
const o200kModel = /^(gpt-4o|gpt-4\.1|gpt-5|o\d)([-.]|$)/

export async function previewPrompt(input: {
  messages: readonly PromptMessage[]
  model: ModelRef
  params: ModelParams
  vars: Readonly<Record<string, string>>
  /** The picked case's key (`{{case.key}}`), or one typed by hand; null leaves it missing. */
  caseKey?: string | null
}): Promise<Preview> {
  const engine = await loadEngines()
  const rendered = renderMessages(input.messages, { vars: input.vars, key: input.caseKey ?? null })
  const tokens = countTokens(engine, rendered.messages, input.model)
  const maxTokens = input.params.maxTokens
  const cost = estimateCost(engine, input.model, tokens.input, maxTokens)
  return { ...rendered, tokens, cost }
}

function countTokens(
  engine: Engines,
  messages: readonly PromptMessage[],
  model: ModelRef,
): Preview['tokens'] {
  // Special-token text typed into a prompt (e.g. "<|endoftext|>") is counted as text, never refused.
  const input = engine.encodeChat(messages, 'gpt-4o', { disallowedSpecial: new Set() }).length
  const exact = model.provider === 'openai' && o200kModel.test(model.model)
  return { input, exact, encoding: exact ? 'o200k_base' : 'o200k_base (approximation for this model)' }
}

function estimateCost(
  engine: Engines,
  model: ModelRef,
  inputTokens: number,
  maxTokens: number | undefined,
): Preview['cost'] {
  const assumedOutputTokens = maxTokens ?? defaultAssumedOutputTokens
  if (localProviders.has(model.provider)) {
    return { perCallUsd: 0, assumedOutputTokens, note: 'local model: no per-call price' }
  }
  const price = lookupPrice(engine, model, inputTokens, assumedOutputTokens)
  if (price === null) {
    return {
      perCallUsd: null,
      assumedOutputTokens,
      note: `No price for ${model.provider}/${model.model} in the offline price table`,
    }
  }
  const output =
    maxTokens !== undefined
      ? `${assumedOutputTokens} output tokens (max tokens, so an upper bound)`
      : `${assumedOutputTokens} output tokens (assumed: no max tokens set)`
  return {
    perCallUsd: price,
    assumedOutputTokens,
    note: `Estimate for ${inputTokens} input tokens + ${output} at list prices (genai-prices)`,
  }
}

function lookupPrice(
  engine: Engines,
  model: ModelRef,
  inputTokens: number,
  outputTokens: number,
): number | null {
  try {
    const result = engine.calcPrice({ input_tokens: inputTokens, output_tokens: outputTokens }, model.model, {
      providerId: model.provider,
    })
    return result?.total_price ?? null
  } catch {
    // The price table is an estimate aid: a model it cannot price must not break the preview.
    return null
  }
}
