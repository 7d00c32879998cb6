import type * as Tokenizer from 'gpt-tokenizer/encoding/o200k_base'
import type { ModelParams, ModelRef, PromptMessage } from '../../../../shared/domain/prompts'
import type { ChatMessage, ConversationTurn, ToolDefinition } from '../../../../shared/domain/conversation'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import type { Preview } from '../../../../shared/domain/registry'
import type { ModelPrice } from '../../../../shared/domain/runs'
import { modelLabel } from '../../../../shared/lib/model-ref'
import { costOf, priceTableFor, type PriceContext, type PricedProvider } from '../llm/cost'
import { renderMessages } from './templates'

// The tokenizer stays in the core: it is large, and the renderer asks through preview. It loads on the
// first preview, not at startup: the o200k tables alone take most of a second to import.
type Encoder = Pick<typeof Tokenizer, 'encodeChat' | 'encode'>
let encoder: Promise<Encoder> | null = null

function loadEncoder(): Promise<Encoder> {
  encoder ??= import('gpt-tokenizer/encoding/o200k_base').then(
    (tokenizer) => ({ encodeChat: tokenizer.encodeChat, encode: tokenizer.encode }),
    (error: unknown) => {
      encoder = null // let the next preview try again instead of failing forever
      throw error
    },
  )
  return encoder
}

/** Output length is unknown before a call; without a max tokens setting we assume a short answer. */
export const defaultAssumedOutputTokens = 256

/** OpenAI model families tokenized with o200k_base, where our count is the real one. */
const o200kModel = /^(openai\/)?(gpt-4o|gpt-4\.1|gpt-5|o\d)([-.]|$)/

/** How the pinned model is priced: the user's prices, and its provider (absent: no such provider). */
export interface PreviewPricing {
  overrides: PriceContext['overrides']
  provider: (PricedProvider & { localityReason: string }) | undefined
}

export async function previewPrompt(
  input: {
    messages: readonly PromptMessage[]
    model: ModelRef
    params: ModelParams
    vars: Readonly<Record<string, string>>
    /** The picked case's key (`{{case.key}}`), or one typed by hand; null leaves it missing. */
    caseKey?: string | null
    /** The picked case's conversation: its turns are shown where the placeholder is, as they are sent. */
    conversation?: readonly ConversationTurn[] | undefined
  },
  pricing: PreviewPricing,
): Promise<Preview> {
  const encode = await loadEncoder()
  const rendered = renderMessages(input.messages, {
    vars: input.vars,
    key: input.caseKey ?? null,
    conversation: input.conversation,
  })
  const tokens = countTokens(
    encode,
    rendered.messages,
    input.params.tools ?? [],
    input.model,
    pricing.provider,
  )
  const cost = await estimateCost(input.model, pricing, tokens.input, input.params.maxTokens)
  return { ...rendered, tokens, cost }
}

function countTokens(
  encoder: Encoder,
  messages: readonly ChatMessage[],
  tools: readonly ToolDefinition[],
  model: ModelRef,
  provider: PricedProvider | undefined,
): Preview['tokens'] {
  // Special-token text typed into a prompt (e.g. "<|endoftext|>") is counted as text, never refused.
  const special = { disallowedSpecial: new Set<string>() }
  const chat = messages.map((m) => ({ role: m.role, content: m.content }))
  const messageTokens = encoder.encodeChat(chat, 'gpt-4o', special).length
  // Providers wrap tool definitions in their own undisclosed format: the JSON's tokens are an estimate.
  const toolTokens = tools.length > 0 ? encoder.encode(canonicalJson(tools), special).length : 0
  const openaiWire =
    provider?.kind === 'openai' || (provider?.kind === 'openai-compatible' && !provider.isLocal)
  const exact = openaiWire && o200kModel.test(model.model) && tools.length === 0
  const encoding = exact
    ? 'o200k_base'
    : tools.length > 0
      ? 'o200k_base (approximation: tool definitions counted as their JSON)'
      : 'o200k_base (approximation for this model)'
  return { input: messageTokens + toolTokens, exact, encoding }
}

/** The same prices a run of this model would freeze: the user's, zero for a local provider, else the table. */
async function estimateCost(
  model: ModelRef,
  pricing: PreviewPricing,
  inputTokens: number,
  maxTokens: number | undefined,
): Promise<Preview['cost']> {
  const assumedOutputTokens = maxTokens ?? defaultAssumedOutputTokens
  const providers = new Map(pricing.provider ? [[model.provider, pricing.provider]] : [])
  const [price] = await priceTableFor([model], { overrides: pricing.overrides, providers })
  const perCallUsd = costOf(price, { inputTokens, outputTokens: assumedOutputTokens, cachedTokens: 0 })
  const output =
    maxTokens !== undefined
      ? `${assumedOutputTokens} output tokens (max tokens, so an upper bound)`
      : `${assumedOutputTokens} output tokens (assumed: no max tokens set)`
  const note = priceNote(model, pricing, price, `${inputTokens} input tokens + ${output}`)
  return { perCallUsd, assumedOutputTokens, note }
}

function priceNote(model: ModelRef, pricing: PreviewPricing, price: ModelPrice | undefined, usage: string) {
  const label = modelLabel(model)
  switch (price?.source) {
    case 'override':
      return `Estimate for ${usage} at your price for ${label} (Settings → Prices)`
    case 'local':
      return `Free: ${model.provider} is a local provider (${pricing.provider?.localityReason ?? 'local'})`
    case 'genai-prices':
      return `Estimate for ${usage} at list prices (genai-prices)`
    default:
      return pricing.provider
        ? `Price unknown: ${label} is not in the offline price table; set a price in Settings → Prices`
        : `Price unknown: no provider named "${model.provider}"; add it in Settings → Providers`
  }
}
