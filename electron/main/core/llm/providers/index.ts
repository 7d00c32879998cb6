import { createAnthropicProvider } from './anthropic'
import { createAzureOpenAiProvider, type AzureOpenAiProviderOptions } from './azure-openai'
import { createDemoProvider } from './demo'
import type { DemoProviderOptions } from './demo'
import { createOpenAiProvider } from './openai'
import type { ProviderSettings } from './settings'
import type { Provider } from './types'

export type { ChatRequest, ChatResponse, ChatUsage, Provider, ProviderErrorKind } from './types'
export { ProviderError } from './types'
export { providerSettingsSchema, resolveApiKey, describeSettings, apiKeyEnvName } from './settings'
export type { ProviderKind, ProviderSettings } from './settings'
export { demoModels, DEMO_PROVIDER } from './demo'
export type { DemoModel } from './demo'

/** Builds the provider for one settings entry; `id` is the name prompts use in ModelRef.provider. */
export function createProvider(
  id: string,
  settings: ProviderSettings,
  demo: DemoProviderOptions = {},
): Provider {
  const common = {
    id,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
  }
  switch (settings.kind) {
    case 'openai':
      return createOpenAiProvider(common)
    case 'openai-compatible':
      return createOpenAiProvider({ ...common, compatible: true })
    case 'anthropic':
      return createAnthropicProvider(common)
    case 'demo':
      return createDemoProvider({ ...demo, id })
    case 'azure-openai':
      return createAzureOpenAiProvider(azureOptions(id, settings))
    // Signed with the AWS credential chain at call time; settings carry no key.
    case 'bedrock':
      return lazyProvider(id, async () =>
        (await import('./bedrock')).createBedrockProvider({
          id,
          ...(settings.region ? { region: settings.region } : {}),
          ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
        }),
      )
    case 'gemini':
      return lazyProvider(id, async () => (await import('./gemini')).createGeminiProvider(common))
  }
}

function azureOptions(id: string, settings: ProviderSettings): AzureOpenAiProviderOptions {
  const { baseUrl, apiVersion, apiKey } = settings
  // Settings' schema requires endpoint and version for this kind; injected settings may still lack them.
  if (!baseUrl) throw new Error(`Azure OpenAI provider "${id}" has no endpoint (base URL)`)
  if (!apiVersion) throw new Error(`Azure OpenAI provider "${id}" has no API version`)
  if (!apiKey) throw new Error(`Azure OpenAI provider "${id}" has no API key or Microsoft Entra token`)
  return {
    id,
    endpoint: baseUrl,
    apiVersion,
    apiKey,
    credential: settings.apiKeyKind ?? 'api-key',
    ...(settings.deployments ? { deployments: settings.deployments } : {}),
  }
}

/**
 * A provider whose SDK is loaded on its first call: the AWS and Google SDKs take longer to load than the rest of
 * the core, and most workspaces (and every CLI gate without them) never call them.
 */
function lazyProvider(id: string, load: () => Promise<Provider>): Provider {
  let loaded: Promise<Provider> | undefined
  return {
    id,
    chat: async (request) => (await (loaded ??= load())).chat(request),
  }
}
