import type { ProviderModels, ProviderView } from '../../../../shared/domain/providers'

/** The configured providers (`providers.list`); undefined while not loaded, or if it failed. */
type Loaded = readonly ProviderView[] | undefined

/** Where the key comes from, as Settings says it: never the key itself. */
export function keySourceLabel(p: Pick<ProviderView, 'keySource' | 'keyEnvVar' | 'kind'>): string {
  switch (p.keySource) {
    case 'keychain':
      return 'OS keychain'
    case 'environment':
      // Azure OpenAI without a key: a Microsoft Entra token the core read from the environment.
      return p.keyEnvVar.endsWith('_AD_TOKEN')
        ? `Microsoft Entra token from the environment (${p.keyEnvVar})`
        : `environment (${p.keyEnvVar})`
    case 'none':
      // An OpenAI-compatible server (Ollama, vLLM …) is called without a key unless it asks for one.
      return p.kind === 'openai-compatible'
        ? `none (optional: set ${p.keyEnvVar} if the server asks for one)`
        : `not set — set ${p.keyEnvVar}`
    case 'not-needed':
      return 'not needed'
    case 'cloud-credentials':
      return 'AWS credentials (environment, profile or SSO)'
  }
}

/** Hosted providers that cannot be called without a key nobody has set. */
export function lacksKey(p: Pick<ProviderView, 'kind' | 'keySource'>): boolean {
  return p.keySource === 'none' && p.kind !== 'openai-compatible'
}

export type ProviderReadiness =
  { state: 'ready' } | { state: 'unknown' } | { state: 'no-key'; envVar: string } | { state: 'no-provider' }

/**
 * Whether a model's provider can be called, for the warning beside it in the run form. 'unknown' while the
 * provider list is not loaded (or could not be): no warning rather than a wrong one.
 */
export function readinessOf(providers: Loaded, provider: string): ProviderReadiness {
  if (provider === 'demo') return { state: 'ready' }
  if (!providers) return { state: 'unknown' }
  const view = providers.find((p) => p.name === provider)
  if (!view) return { state: 'no-provider' }
  return lacksKey(view) ? { state: 'no-key', envVar: view.keyEnvVar } : { state: 'ready' }
}

/** The models a provider is known to serve, for a picker's suggestions (empty for an unknown provider). */
export function knownModelsOf(
  models: readonly ProviderModels[] | undefined,
  provider: string,
): ProviderModels['models'] {
  return (models ?? []).find((m) => m.provider === provider)?.models ?? []
}

const kindLabels: Readonly<Record<ProviderView['kind'], string>> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'OpenAI-compatible',
  'azure-openai': 'Azure OpenAI',
  gemini: 'Google Gemini',
  bedrock: 'AWS Bedrock',
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
export function isConfigured(providers: Loaded, provider: string): boolean | null {
  if (!providers) return null
  return providers.some((p) => p.name === provider)
}
