import { createAnthropicProvider } from './anthropic'
import { createBedrockProvider } from './bedrock'
import { createDemoProvider } from './demo'
import { createGeminiProvider } from './gemini'
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
    // Signed with the AWS credential chain at call time; settings carry no key.
    case 'bedrock':
      return createBedrockProvider({
        id,
        ...(settings.region ? { region: settings.region } : {}),
        ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
      })
    // Each new kind's adapter replaces its line here (issue 21).
    case 'gemini':
      return createGeminiProvider(common)
    case 'azure-openai':
      throw new Error(`Provider kind "${settings.kind}" is being built`)
  }
}
