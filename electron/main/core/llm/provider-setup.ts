import { AppError } from '../../../../shared/contract'
import type { ProviderConfig, ProviderKind } from '../../../../shared/domain/providers'
import type { Repos } from '../db/repos'
import { providerLocality } from '../../../../shared/lib/provider-locality'
import { baseUrlEnvVars, findProvider, providerDefaults } from './catalog'
import { createEnvironmentSecretStore, resolveProviderKey, type Env } from '../secrets'
import { pricedProvider, type PricedProvider } from './cost'
import { createProvider } from './providers'
import { settingsAdvice } from './provider-advice'
import { createDemoProvider } from './providers/demo'
import type { ProviderSettings } from './providers/settings'
import type { Provider } from './providers/types'
import type { LlmOptions } from './options'

/**
 * Settings for one provider name, in this order: the injected ones (tests), else the stored row or a
 * built-in's defaults, with the key from the secret store or the environment. Keys stay in memory only:
 * they are never part of the plan, the run row or any answer.
 */
export function resolveSettings(ctx: { repos: Repos }, name: string, options: LlmOptions): ProviderSettings {
  const given = options.providerSettings?.[name]
  if (given) return given
  const env = options.env ?? process.env
  const advice = options.providerAdvice ?? settingsAdvice
  const config = findProvider(ctx.repos, name) ?? legacyCompatible(name, env)
  if (!config) {
    throw new AppError('INVALID_INPUT', `Unknown provider "${name}": ${advice.unknownProvider(name)}`)
  }
  const limits = {
    concurrency: config.concurrency,
    ...(config.requestsPerMinute ? { requestsPerMinute: config.requestsPerMinute } : {}),
    ...(config.requestTimeoutMs ? { requestTimeoutMs: config.requestTimeoutMs } : {}),
    ...(config.idleTimeoutMs ? { idleTimeoutMs: config.idleTimeoutMs } : {}),
  }
  if (config.kind === 'demo') return { kind: 'demo', isLocal: true, ...limits }
  const baseUrl = config.baseUrl ?? envBaseUrl(name, env)
  const { isLocal } = providerLocality({ kind: config.kind, baseUrl, locality: config.locality })
  const secrets = options.secrets ?? createEnvironmentSecretStore(env)
  const key = resolveProviderKey(name, config.kind, secrets, env)
  if (config.kind === 'openai-compatible' && !baseUrl) {
    throw new AppError('INVALID_INPUT', `Provider "${name}" has no base URL: ${advice.missingBaseUrl(name)}`)
  }
  if (needsKey(config.kind) && !key.apiKey) {
    throw new AppError(
      'INVALID_INPUT',
      `No API key for provider "${name}": ${advice.missingKey(name, key.envVar)}`,
    )
  }
  return {
    kind: config.kind,
    isLocal,
    ...limits,
    ...(baseUrl ? { baseUrl } : {}),
    ...(key.apiKey ? { apiKey: key.apiKey } : {}),
    ...(key.apiKey && key.credential === 'entra-token' ? { apiKeyKind: key.credential } : {}),
    ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
    ...(config.region ? { region: config.region } : {}),
    ...(Object.keys(config.deployments).length > 0 ? { deployments: config.deployments } : {}),
  }
}

/** A local server may take no key; Bedrock signs with the AWS credential chain instead of a key. */
const needsKey = (kind: ProviderKind): boolean => kind !== 'openai-compatible' && kind !== 'bedrock'

function envBaseUrl(name: string, env: Env): string | undefined {
  const variable = baseUrlEnvVars[name]
  return (variable && env[variable]?.trim()) || undefined
}

/** Prompts written before Settings existed name "openai-compatible" and give its URL in the environment. */
function legacyCompatible(name: string, env: Env): ProviderConfig | undefined {
  if (name !== 'openai-compatible' || !envBaseUrl(name, env)) return undefined
  return { ...providerDefaults(name, 'openai-compatible'), baseUrl: null }
}

export function buildProvider(name: string, settings: ProviderSettings, options: LlmOptions): Provider {
  const injected = options.providerFactory?.(name, settings)
  if (injected) return injected
  if (settings.kind === 'demo') {
    return createDemoProvider({ id: name, latencyScale: options.demoLatencyScale ?? 1 })
  }
  return createProvider(name, settings)
}

/**
 * How a provider is priced, without needing its key (a preview prices a model nobody can call yet): the
 * injected settings, else the stored or built-in config with its base URL; undefined for no such provider.
 */
export function pricedProviderOf(
  ctx: { repos: Repos },
  name: string,
  options: Pick<LlmOptions, 'providerSettings' | 'env'>,
): (PricedProvider & { localityReason: string }) | undefined {
  const given = options.providerSettings?.[name]
  if (given) {
    const auto = providerLocality({ kind: given.kind, baseUrl: given.baseUrl, locality: 'auto' })
    const reason =
      given.isLocal === undefined ? auto.reason : given.isLocal ? 'marked local' : 'marked hosted'
    return { ...pricedProvider(given), localityReason: reason }
  }
  const env = options.env ?? process.env
  const config = findProvider(ctx.repos, name) ?? legacyCompatible(name, env)
  if (!config) return undefined
  const baseUrl = config.baseUrl ?? envBaseUrl(name, env)
  const locality = providerLocality({ kind: config.kind, baseUrl, locality: config.locality })
  return { kind: config.kind, isLocal: locality.isLocal, baseUrl, localityReason: locality.reason }
}
