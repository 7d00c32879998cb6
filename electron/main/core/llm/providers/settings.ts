import { z } from 'zod'
import { providerLocality } from '../../../../../shared/lib/provider-locality'
import { apiKeyEnvName } from '../../secrets/key-names'

export const providerKinds = [
  'openai',
  'anthropic',
  'openai-compatible',
  'azure-openai',
  'gemini',
  'bedrock',
  'demo',
] as const
export type ProviderKind = (typeof providerKinds)[number]

/** A base URL names where prompts (and the key) are sent, so only http(s) URLs pass. */
const baseUrlSchema = z.url({ protocol: /^https?$/, error: 'The base URL must be an http(s) URL.' })

export const providerSettingsSchema = z
  .object({
    kind: z.enum(providerKinds),
    baseUrl: baseUrlSchema.optional(),
    /** Resolved from the environment at start; never stored, logged, exported or sent to the renderer. */
    apiKey: z.string().min(1).optional(),
    /** Azure OpenAI: `apiKey` is a Microsoft Entra token from the environment (sent as a Bearer token). */
    apiKeyKind: z.enum(['api-key', 'entra-token']).optional(),
    concurrency: z.number().int().min(1).max(256),
    requestsPerMinute: z.number().positive().max(1_000_000).optional(),
    /** Whether calls are free (a server of the user's own); decided from kind and base URL when absent. */
    isLocal: z.boolean().optional(),
    /** Limits on one call; the automatic ones when absent. */
    requestTimeoutMs: z.number().int().positive().optional(),
    idleTimeoutMs: z.number().int().positive().optional(),
    /** Azure OpenAI: the api-version query parameter of every call. */
    apiVersion: z.string().min(1).optional(),
    /** AWS Bedrock: the region; credentials come from the AWS chain at call time, never from here. */
    region: z.string().min(1).optional(),
    /** Azure OpenAI: model id → deployment name; a model without one is called by its own name. */
    deployments: z.record(z.string(), z.string()).optional(),
  })
  .refine((s) => s.kind !== 'openai-compatible' || s.baseUrl !== undefined, {
    message: 'An OpenAI-compatible provider needs a base URL (e.g. http://127.0.0.1:11434/v1 for Ollama).',
    path: ['baseUrl'],
  })
export type ProviderSettings = z.infer<typeof providerSettingsSchema>

const envSchema = z.record(z.string(), z.string().optional())

// The key's variable name belongs to the key store below this module; re-exported for the adapters' callers.
export { apiKeyEnvName }

/**
 * Keys live in the environment of the host or CLI, never in the workspace file. A provider-specific
 * EVALLAB_<NAME>_API_KEY wins over the vendor's usual variable so two OpenAI accounts can coexist.
 */
export function resolveApiKey(
  kind: ProviderKind,
  env: Record<string, string | undefined>,
  name: string = kind,
): string | undefined {
  // A plain copy: process.env's prototype is not Object.prototype, and zod refuses it as a record.
  const vars = envSchema.parse({ ...env })
  const pick = (key: string): string | undefined => {
    const value = vars[key]?.trim()
    return value ? value : undefined
  }
  const own = pick(apiKeyEnvName(name))
  if (own) return own
  if (kind === 'openai') return pick('OPENAI_API_KEY')
  if (kind === 'anthropic') return pick('ANTHROPIC_API_KEY')
  return undefined
}

/** Local providers cost nothing; settings injected without `isLocal` are judged by kind and base URL. */
export function settingsAreLocal(settings: ProviderSettings): boolean {
  if (settings.isLocal !== undefined) return settings.isLocal
  return providerLocality({ kind: settings.kind, baseUrl: settings.baseUrl, locality: 'auto' }).isLocal
}

/** What settings may show in logs and the UI: whether a key is present, never the key. */
export function describeSettings(settings: ProviderSettings): Omit<ProviderSettings, 'apiKey'> & {
  hasApiKey: boolean
} {
  const { apiKey, ...rest } = settings
  return { ...rest, hasApiKey: apiKey !== undefined }
}
