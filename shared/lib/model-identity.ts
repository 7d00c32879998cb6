import type { ModelRef } from '../domain/prompts'
import { modelKey } from './model-ref'

/**
 * A model is identified by its provider AND its model id: the same id through two providers (an Ollama and a
 * vLLM serving `qwen2.5`, OpenAI and a gateway serving `gpt-4o-2024-08-06`) are two models with their own
 * results, scores and slices. Every comparison, map key and label goes through these helpers, so no code
 * path can key by the model id alone.
 */

/** A stored result's, score's or slice's model: the `modelId` spelling used by rows and slices. */
export interface ModelIdentity {
  provider: string
  modelId: string
}

/** One (prompt version × provider/model) of a run. */
export interface SliceIdentity extends ModelIdentity {
  promptVersionId: string
}

/** One result of a run: a case of a slice, for one repeat. */
export interface ResultKey extends SliceIdentity {
  caseId: string
  repeat: number
}

/**
 * "local-llm/qwen2.5" for a row or slice; the model id alone only where the provider is not known (an output
 * snapshotted for review before providers were told apart).
 */
export const identityLabel = (m: { provider: string | null; modelId: string }): string =>
  m.provider ? `${m.provider}/${m.modelId}` : m.modelId

/** The identity of a row or slice as a ModelRef (the plan's and prompt's spelling). */
export const modelRefOf = (m: ModelIdentity): ModelRef => ({ provider: m.provider, model: m.modelId })

/** The identity of a ModelRef in the rows' spelling. */
export const identityOf = (m: ModelRef): ModelIdentity => ({ provider: m.provider, modelId: m.model })

export const sameIdentity = (a: ModelIdentity, b: ModelIdentity): boolean =>
  a.provider === b.provider && a.modelId === b.modelId

/** The plan's models without exact repeats of the same provider/model, in their first order. */
export function distinctModels(models: readonly ModelRef[]): ModelRef[] {
  return [...new Map(models.map((m) => [modelKey(m), m])).values()]
}

/** Exact repeats of the same provider/model in a list, each named once ("local-llm/qwen2.5"). */
export function repeatedModels(models: readonly ModelRef[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const m of models) {
    const key = modelKey(m)
    if (seen.has(key)) repeated.add(key)
    seen.add(key)
  }
  return [...repeated]
}

/** A map key for a slice. */
export const sliceId = (s: SliceIdentity): string =>
  `${s.promptVersionId}\u0000${s.provider}\u0000${s.modelId}`

export const sameSlice = (a: SliceIdentity, b: SliceIdentity): boolean =>
  a.promptVersionId === b.promptVersionId && sameIdentity(a, b)

/** Whether a stored result or score belongs to the slice. */
export const inSlice =
  (slice: SliceIdentity) =>
  (r: SliceIdentity): boolean =>
    sameSlice(slice, r)

/** The slice a result or score belongs to. */
export const sliceOf = (r: SliceIdentity): SliceIdentity => ({
  promptVersionId: r.promptVersionId,
  provider: r.provider,
  modelId: r.modelId,
})

/** A map key for a result: the same identity the run_results UNIQUE constraint enforces. */
export const resultKey = (k: ResultKey): string =>
  `${k.caseId}\u0000${k.promptVersionId}\u0000${k.provider}\u0000${k.modelId}\u0000${k.repeat}`
