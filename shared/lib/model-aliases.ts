import type { ModelRef } from '../domain/prompts'
import type { ProviderKind } from '../domain/providers'

export interface ModelAdvice {
  movingAlias: boolean
  reason: string | null
  pinnedAlternatives: string[]
}

/** Dated snapshots for the aliases teams pin most often; the alias moves when the vendor ships a new one. */
const knownSnapshots: Record<string, string[]> = {
  'gpt-4o': ['gpt-4o-2024-11-20', 'gpt-4o-2024-08-06'],
  'gpt-4o-mini': ['gpt-4o-mini-2024-07-18'],
  'chatgpt-4o-latest': ['gpt-4o-2024-11-20'],
  'gpt-4.1': ['gpt-4.1-2025-04-14'],
  'gpt-4.1-mini': ['gpt-4.1-mini-2025-04-14'],
  'gpt-4.1-nano': ['gpt-4.1-nano-2025-04-14'],
  'gpt-4-turbo': ['gpt-4-turbo-2024-04-09'],
  'gpt-3.5-turbo': ['gpt-3.5-turbo-0125'],
  o1: ['o1-2024-12-17'],
  'o3-mini': ['o3-mini-2025-01-31'],
  o3: ['o3-2025-04-16'],
  'o4-mini': ['o4-mini-2025-04-16'],
  'claude-3-5-sonnet-latest': ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet-20240620'],
  'claude-3-5-haiku-latest': ['claude-3-5-haiku-20241022'],
  'claude-3-7-sonnet-latest': ['claude-3-7-sonnet-20250219'],
  'claude-3-opus-latest': ['claude-3-opus-20240229'],
  'claude-sonnet-4-0': ['claude-sonnet-4-20250514'],
  'claude-opus-4-0': ['claude-opus-4-20250514'],
  'claude-sonnet-4-5': ['claude-sonnet-4-5-20250929'],
  'claude-haiku-4-5': ['claude-haiku-4-5-20251001'],
  'claude-opus-4-1': ['claude-opus-4-1-20250805'],
  // Google's older auto-updated aliases; from Gemini 2.5 on the plain name is the stable, pinned model.
  'gemini-2.0-flash': ['gemini-2.0-flash-001'],
  'gemini-2.0-flash-lite': ['gemini-2.0-flash-lite-001'],
  'gemini-1.5-flash': ['gemini-1.5-flash-002'],
  'gemini-1.5-pro': ['gemini-1.5-pro-002'],
}

const datedSnapshot = /(?:-|_)(?:20\d{2}-\d{2}-\d{2}|20\d{6}|\d{4})$/
/** Bedrock model ids end in their version (anthropic.claude-3-5-haiku-20241022-v1:0, amazon.nova-lite-v1:0). */
const bedrockVersion = /-v\d+(?::\d+)?$/

/**
 * A pinned model must not change under the team's feet. `-latest`, `:latest` and bare family names
 * (no dated snapshot) are moving aliases for the vendors' APIs; a server of the user's own (an
 * OpenAI-compatible provider: Ollama, vLLM, a gateway) names its own models, so its tags are flagged only
 * for `latest` or when they are a vendor's known alias (a gateway serving "gpt-4o" or "openai/gpt-4o").
 * `kind` is the kind of the provider the model is pinned to; without it the name decides, as before
 * providers could be added ("openai-compatible" and "demo" serve their own models).
 */
export function adviseModel(model: ModelRef, kind?: ProviderKind | null): ModelAdvice {
  const id = model.model.trim()
  const alternatives = snapshotsOf(id)
  if (/(^|[-:])latest$/i.test(id)) {
    return advice(`"${id}" is a moving alias: the vendor repoints it to new model versions.`, alternatives)
  }
  const ownModels = kind
    ? kind === 'openai-compatible' || kind === 'demo'
    : model.provider === 'openai-compatible' || model.provider === 'demo'
  // Google names stable models without a date (gemini-2.5-flash, gemini-2.0-flash-001) and says when a name
  // moves: `-latest` (above) and the older aliases listed in knownSnapshots.
  if ((ownModels || kind === 'gemini') && alternatives.length === 0) return pinned()
  if (kind === 'bedrock' && bedrockVersion.test(id)) return pinned()
  if (alternatives.length > 0 || !datedSnapshot.test(id)) {
    return advice(
      `"${id}" has no dated snapshot, so the model behind it can change without notice.`,
      alternatives,
    )
  }
  return pinned()
}

/** The dated snapshots of a known alias, keeping a gateway's "vendor/" prefix when the id has one. */
function snapshotsOf(id: string): string[] {
  const direct = knownSnapshots[id]
  if (direct) return direct
  const slash = id.indexOf('/')
  const prefixed = slash > 0 ? knownSnapshots[id.slice(slash + 1)] : undefined
  return prefixed ? prefixed.map((s) => `${id.slice(0, slash + 1)}${s}`) : []
}

function advice(reason: string, pinnedAlternatives: string[]): ModelAdvice {
  return { movingAlias: true, reason, pinnedAlternatives }
}

function pinned(): ModelAdvice {
  return { movingAlias: false, reason: null, pinnedAlternatives: [] }
}
