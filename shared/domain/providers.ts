import { z } from 'zod'

export const providerKinds = [
  'openai',
  'anthropic',
  'openai-compatible',
  'azure-openai',
  'gemini',
  'bedrock',
  'demo',
] as const
export const providerKindSchema = z.enum(providerKinds)
export type ProviderKind = z.infer<typeof providerKindSchema>

/** A provider name is what ModelRef.provider refers to: lower-case, digits and dashes. */
export const providerNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and dashes (e.g. "ollama" or "my-vllm")')

/** A base URL names where prompts (and the key) are sent, so only http(s) URLs pass. */
export const baseUrlSchema = z.url({ protocol: /^https?$/, error: 'The base URL must be an http(s) URL.' })

/**
 * Whether a provider's calls cost money. 'auto' decides from the kind and base URL (an OpenAI-compatible
 * server on a loopback or private address is local, everything else hosted); the other two are the user's word.
 */
export const providerLocalities = ['auto', 'local', 'hosted'] as const
export const providerLocalitySchema = z.enum(providerLocalities)
export type ProviderLocality = z.infer<typeof providerLocalitySchema>

/** Bounds of the per-provider timeouts, in milliseconds; null in a config means "automatic". */
export const requestTimeoutBounds = { min: 1_000, max: 3_600_000 } as const
export const idleTimeoutBounds = { min: 500, max: 600_000 } as const
/** Calls at once, and requests per minute, a provider may be set to (the form and the schema share them). */
export const concurrencyBounds = { min: 1, max: 256 } as const
export const rpmBounds = { min: 1, max: 1_000_000 } as const

const apiVersionPattern = /^\d{4}-\d{2}-\d{2}(-preview)?$/
const apiVersionMessage = 'An API version looks like 2024-10-21 (or 2025-01-01-preview)'
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/
const regionMessage = 'A region looks like us-east-1 or eu-central-1'
/** Azure names deployments with letters, digits, '-', '_' and '.'. */
const deploymentNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'A deployment name uses letters, digits, ".", "_" and "-"')

const timeoutMs = (bounds: { min: number; max: number }, what: string) =>
  z
    .number()
    .int()
    .min(bounds.min, `${what} must be at least ${bounds.min / 1000} s`)
    .max(bounds.max, `${what} must be at most ${bounds.max / 1000} s`)

/** What is stored per provider in the workspace: never a key. */
export const providerConfigSchema = z
  .object({
    name: providerNameSchema,
    kind: providerKindSchema,
    baseUrl: baseUrlSchema.nullable().default(null),
    concurrency: z.number().int().min(concurrencyBounds.min).max(concurrencyBounds.max),
    requestsPerMinute: z.number().int().min(rpmBounds.min).max(rpmBounds.max).nullable().default(null),
    locality: providerLocalitySchema.default('auto'),
    /** A whole call (stream included) may take this long; null: the automatic limit. */
    requestTimeoutMs: timeoutMs(requestTimeoutBounds, 'The request timeout').nullable().default(null),
    /** A call that sends no byte for this long is cut; null: the automatic limit. */
    idleTimeoutMs: timeoutMs(idleTimeoutBounds, 'The idle timeout').nullable().default(null),
    /** Azure OpenAI: the REST api-version every call names (e.g. 2024-10-21). */
    apiVersion: z.string().trim().regex(apiVersionPattern, apiVersionMessage).nullable().default(null),
    /** AWS Bedrock: the region calls go to (e.g. us-east-1). */
    region: z.string().trim().regex(regionPattern, regionMessage).nullable().default(null),
    /**
     * Azure OpenAI: the deployment each model id is served by (`gpt-4o` → `prod-gpt4o`). A model without an
     * entry is called through a deployment of its own name, Azure's usual convention.
     */
    deployments: z.record(z.string().trim().min(1).max(200), deploymentNameSchema).default({}),
  })
  .refine((s) => s.kind !== 'openai-compatible' || s.baseUrl !== null, {
    message: 'An OpenAI-compatible provider needs a base URL (e.g. http://127.0.0.1:11434/v1 for Ollama).',
    path: ['baseUrl'],
  })
  .refine((s) => s.kind !== 'azure-openai' || s.baseUrl !== null, {
    message: 'An Azure OpenAI provider needs its endpoint (e.g. https://my-resource.openai.azure.com).',
    path: ['baseUrl'],
  })
  .refine((s) => s.kind !== 'azure-openai' || s.apiVersion !== null, {
    message: 'An Azure OpenAI provider needs an API version (e.g. 2024-10-21).',
    path: ['apiVersion'],
  })
  .refine((s) => s.kind !== 'bedrock' || s.region !== null, {
    message: 'An AWS Bedrock provider needs a region (e.g. us-east-1).',
    path: ['region'],
  })
export type ProviderConfig = z.output<typeof providerConfigSchema>

/**
 * Where a provider's key comes from; the key itself never leaves the main process. 'cloud-credentials': the
 * cloud's own credential chain (AWS environment variables, profile, SSO…), read by its SDK at call time.
 */
export const keySourceSchema = z.enum(['keychain', 'environment', 'none', 'not-needed', 'cloud-credentials'])
export type KeySource = z.infer<typeof keySourceSchema>

export const providerViewSchema = z.object({
  name: z.string(),
  kind: providerKindSchema,
  baseUrl: z.string().nullable(),
  concurrency: z.number().int(),
  requestsPerMinute: z.number().nullable(),
  locality: providerLocalitySchema,
  /** What `locality` resolves to: local providers are free, hosted ones are priced. */
  isLocal: z.boolean(),
  /** Why, in a few words: "loopback address", "private network address", "marked local", "hosted API"… */
  localityReason: z.string(),
  requestTimeoutMs: z.number().int().nullable(),
  idleTimeoutMs: z.number().int().nullable(),
  apiVersion: z.string().nullable(),
  region: z.string().nullable(),
  deployments: z.record(z.string(), z.string()),
  keySource: keySourceSchema,
  /** The environment variable the key is read from when not in the keychain. */
  keyEnvVar: z.string(),
  /** Built-in providers (openai, anthropic, demo) cannot be deleted, only configured. */
  builtIn: z.boolean(),
})
export type ProviderView = z.infer<typeof providerViewSchema>

/** How this process keeps keys: the OS keychain through Electron, or only the environment (host, CLI). */
export const secretStoreInfoSchema = z.object({
  kind: z.enum(['safe-storage', 'environment']),
  /** False when keys cannot be saved here, with the reason (e.g. a plain-text keyring backend). */
  canStoreKeys: z.boolean(),
  reason: z.string().nullable(),
})
export type SecretStoreInfo = z.infer<typeof secretStoreInfoSchema>

export const providerListSchema = z.object({
  providers: z.array(providerViewSchema),
  secretStore: secretStoreInfoSchema,
})
export type ProviderList = z.infer<typeof providerListSchema>

/**
 * Why a model is suggested for a provider: a prompt version pins it, a run used it, the user priced it,
 * it is one of the simulated models, or the price table knows it for the provider's vendor or gateway.
 */
export const knownModelSources = ['pinned', 'run', 'override', 'simulated', 'price-table'] as const
export const knownModelSchema = z.object({
  id: z.string(),
  sources: z.array(z.enum(knownModelSources)),
})
export type KnownModel = z.infer<typeof knownModelSchema>

/** The models a configured provider is known to serve; any other id may still be typed. */
export const providerModelsSchema = z.object({
  provider: z.string(),
  models: z.array(knownModelSchema),
})
export type ProviderModels = z.infer<typeof providerModelsSchema>

const perMTok = z.number().nonnegative().max(10_000)

/** A user's own price for a model (negotiated rates, a model missing from the table), USD per million tokens. */
export const priceOverrideSchema = z.object({
  provider: providerNameSchema,
  model: z.string().trim().min(1).max(200),
  inputPerMTok: perMTok,
  outputPerMTok: perMTok,
  cachedInputPerMTok: perMTok.nullable().default(null),
})
export type PriceOverride = z.output<typeof priceOverrideSchema>
