import type { ModelRef } from '../domain/prompts'

/**
 * A model's identity is the provider it is called through and the model id: `local-llm/qwen2.5-7b` and
 * `vllm/qwen2.5-7b` are two models, whatever the id says. Every comparison, key and label goes through here.
 */

/** "provider/model": a map key, a checkbox value, what people read and type. */
export const modelKey = (m: ModelRef): string => `${m.provider}/${m.model}`

/** What a screen or a message shows; the same text as the key, so what is read can be typed back. */
export const modelLabel = modelKey

export function sameModel(a: ModelRef, b: ModelRef): boolean {
  return a.provider === b.provider && a.model === b.model
}

const providerName = /^[a-z][a-z0-9-]{0,39}$/

/**
 * "provider/model" → a model ref, or null when it is not one. Only the first slash separates: the model
 * id may itself contain slashes, as gateways name models ("openrouter/meta-llama/llama-3.1-8b-instruct").
 */
export function parseModelKey(text: string): ModelRef | null {
  const trimmed = text.trim()
  const at = trimmed.indexOf('/')
  if (at <= 0 || at === trimmed.length - 1) return null
  const provider = trimmed.slice(0, at).trim()
  const model = trimmed.slice(at + 1).trim()
  if (!providerName.test(provider) || !model || model.length > 200) return null
  return { provider, model }
}
