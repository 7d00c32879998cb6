import type { ProviderModels, ProviderView } from '../../../../shared/domain/providers'
import { submitIdle, type SubmitState } from '../load-state'
import type { ProvidersState } from './providers-store'

export const selectProviders = (s: ProvidersState) => s.providers
export const selectSecretStore = (s: ProvidersState) => s.secretStore
export const selectProvidersLoad = (s: ProvidersState) => s.load
export const selectPrices = (s: ProvidersState) => s.prices
export const selectPricesLoad = (s: ProvidersState) => s.pricesLoad
export const selectProvidersActions = (s: ProvidersState) => s.actions

/** The outcome of one form's last write (idle until it is used). */
export const selectSubmit =
  (key: string) =>
  (s: ProvidersState): SubmitState =>
    s.submits[key] ?? submitIdle

/** Where the key comes from, as Settings says it: never the key itself. */
export function keySourceLabel(p: Pick<ProviderView, 'keySource' | 'keyEnvVar' | 'kind'>): string {
  switch (p.keySource) {
    case 'keychain':
      return 'OS keychain'
    case 'environment':
      return `environment (${p.keyEnvVar})`
    case 'none':
      // An OpenAI-compatible server (Ollama, vLLM …) is called without a key unless it asks for one.
      return p.kind === 'openai-compatible'
        ? `none (optional: set ${p.keyEnvVar} if the server asks for one)`
        : `not set — set ${p.keyEnvVar}`
    case 'not-needed':
      return 'not needed'
  }
}

/** Hosted providers that cannot be called without a key nobody has set. */
export function lacksKey(p: Pick<ProviderView, 'kind' | 'keySource'>): boolean {
  return p.keySource === 'none' && (p.kind === 'openai' || p.kind === 'anthropic')
}

export type ProviderReadiness =
  { state: 'ready' } | { state: 'unknown' } | { state: 'no-key'; envVar: string } | { state: 'no-provider' }

/**
 * Whether a model's provider can be called, for the warning beside it in the run form. 'unknown' while the
 * provider list is not loaded (or could not be): no warning rather than a wrong one.
 */
export function readinessOf(
  s: Pick<ProvidersState, 'providers' | 'load'>,
  provider: string,
): ProviderReadiness {
  if (provider === 'demo') return { state: 'ready' }
  if (s.load.status !== 'ready') return { state: 'unknown' }
  const view = s.providers.find((p) => p.name === provider)
  if (!view) return { state: 'no-provider' }
  return lacksKey(view) ? { state: 'no-key', envVar: view.keyEnvVar } : { state: 'ready' }
}

export const selectKnownModels = (s: ProvidersState) => s.models

/** The models a provider is known to serve, for a picker's suggestions (empty for an unknown provider). */
export function knownModelsOf(s: Pick<ProvidersState, 'models'>, provider: string): ProviderModels['models'] {
  return s.models.find((m) => m.provider === provider)?.models ?? []
}

const kindLabels: Readonly<Record<ProviderView['kind'], string>> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'OpenAI-compatible',
  demo: 'simulated',
}

/** "local-llm · OpenAI-compatible, local": enough to tell two providers of the same kind apart. */
export function providerOptionLabel(p: Pick<ProviderView, 'name' | 'kind' | 'isLocal'>): string {
  if (p.kind === 'demo') return `${p.name} · simulated`
  return `${p.name} · ${kindLabels[p.kind]}${p.isLocal ? ', local' : ''}`
}

/**
 * Whether a pinned provider is one Settings knows; null while the list is not loaded (or failed), so no
 * screen flags a provider as missing before it could know.
 */
export function isConfigured(
  s: Pick<ProvidersState, 'providers' | 'load'>,
  provider: string,
): boolean | null {
  if (s.load.status !== 'ready') return null
  return s.providers.some((p) => p.name === provider)
}
