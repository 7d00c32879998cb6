import type { ProviderConfig, ProviderKind, ProviderView } from '../../../../shared/domain/providers'
import { providerLocality } from '../../../../shared/lib/provider-locality'
import type { Repos } from '../db/repos'
import { resolveProviderKey, type Env, type SecretStore } from '../secrets'

/** What a provider's key is looked up in: the store (keychain or environment) and the environment. */
export interface KeySources {
  secrets: SecretStore
  /** Read on every lookup, so it may be process.env itself. */
  env: Env
}

/** Concurrency when nothing else is configured: hosted APIs take more parallel calls than a local server. */
export const defaultConcurrency: Readonly<Record<ProviderKind, number>> = {
  openai: 8,
  anthropic: 4,
  'openai-compatible': 2,
  'azure-openai': 8,
  gemini: 8,
  bedrock: 4,
  demo: 8,
}

/** Providers that exist without a row: their kind is fixed, their settings may be changed. */
export const builtInKinds: Readonly<Record<string, ProviderKind>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  demo: 'demo',
}

export const isBuiltIn = (name: string): boolean => Object.hasOwn(builtInKinds, name)

/**
 * Base URLs from the environment, kept as a fallback for the built-in names (tests and the e2e suite point
 * them at a mock). `openai-compatible` is the name prompts used before providers could be added in Settings.
 */
export const baseUrlEnvVars: Readonly<Record<string, string>> = {
  openai: 'EVALLAB_OPENAI_BASE_URL',
  anthropic: 'EVALLAB_ANTHROPIC_BASE_URL',
  'openai-compatible': 'EVALLAB_COMPATIBLE_BASE_URL',
}

export function builtInConfig(name: string): ProviderConfig | undefined {
  const kind = builtInKinds[name]
  if (!kind) return undefined
  return { ...providerDefaults(name, kind), baseUrl: null }
}

/** A config with nothing chosen but its name and kind: default limits, automatic locality and timeouts. */
export function providerDefaults(name: string, kind: ProviderKind): Omit<ProviderConfig, 'baseUrl'> {
  return {
    name,
    kind,
    concurrency: defaultConcurrency[kind],
    requestsPerMinute: null,
    locality: 'auto',
    requestTimeoutMs: null,
    idleTimeoutMs: null,
    apiVersion: null,
    region: null,
    deployments: {},
  }
}

/** The stored row, else a built-in's defaults; undefined for a name that is neither. */
export function findProvider(repos: Repos, name: string): ProviderConfig | undefined {
  return repos.providerSettings.get(name) ?? builtInConfig(name)
}

/** What the UI may see of a provider: where its key comes from, never the key. */
export function providerView(config: ProviderConfig, keys: KeySources): ProviderView {
  const key = resolveProviderKey(config.name, config.kind, keys.secrets, keys.env)
  const locality = providerLocality(config)
  return {
    name: config.name,
    kind: config.kind,
    baseUrl: config.baseUrl,
    concurrency: config.concurrency,
    requestsPerMinute: config.requestsPerMinute,
    locality: config.locality,
    isLocal: locality.isLocal,
    localityReason: locality.reason,
    requestTimeoutMs: config.requestTimeoutMs,
    idleTimeoutMs: config.idleTimeoutMs,
    apiVersion: config.apiVersion,
    region: config.region,
    deployments: config.deployments,
    keySource: key.source,
    keyEnvVar: key.envVar,
    builtIn: isBuiltIn(config.name),
  }
}

/** Built-ins first, in a fixed order, with their stored settings; then the user's providers by name. */
export function listProviders(repos: Repos): ProviderConfig[] {
  const stored = new Map(repos.providerSettings.list().map((c) => [c.name, c]))
  const builtIns = Object.keys(builtInKinds).map((name) => stored.get(name) ?? builtInConfig(name))
  const others = [...stored.values()].filter((c) => !isBuiltIn(c.name))
  return [...builtIns.filter((c): c is ProviderConfig => c !== undefined), ...others]
}
