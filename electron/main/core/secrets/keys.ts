import type { KeySource, ProviderKind } from '../../../../shared/domain/providers'
import { apiKeyEnvName, AZURE_AD_TOKEN_VAR, entraTokenEnvName } from './key-names'
import type { Env } from './environment'
import type { SecretStore } from './types'

/** The vendors' own variables, read when neither the store nor EVALLAB_<NAME>_API_KEY has a key. */
const vendorKeyVars: Partial<Record<ProviderKind, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  'azure-openai': 'AZURE_OPENAI_API_KEY',
  gemini: 'GEMINI_API_KEY',
}

export interface ResolvedKey {
  /** Only ever passed on to the provider SDK. */
  apiKey?: string
  source: KeySource
  /** The variable the key came from, or the one to set: what the UI may show instead of the key. */
  envVar: string
  /**
   * Set when `apiKey` is not a key but an Azure OpenAI Microsoft Entra token read from the environment (sent
   * as `Authorization: Bearer`, never as `api-key`). Tokens are never stored: the keychain holds keys only.
   */
  credential?: 'entra-token'
}

/**
 * One provider's key: the store's first (the keychain in the app), then EVALLAB_<NAME>_API_KEY, then the
 * vendor's variable. The environment stays a fallback in the app too, so a key exported in the shell works
 * everywhere; `source` tells the UI which one is in use.
 */
export function resolveProviderKey(
  name: string,
  kind: ProviderKind,
  secrets: SecretStore,
  env: Env,
): ResolvedKey {
  const ownVar = apiKeyEnvName(name)
  const vendorVar = vendorKeyVars[kind]
  const preferredVar = vendorVar && name === kind ? vendorVar : ownVar
  if (kind === 'demo') return { source: 'not-needed', envVar: preferredVar }
  // Bedrock signs each call with the AWS credential chain (environment, profile, SSO, instance role).
  if (kind === 'bedrock') return { source: 'cloud-credentials', envVar: 'AWS_PROFILE' }
  const stored = secrets.get(name)
  if (stored) {
    const source = secrets.info().kind === 'safe-storage' ? 'keychain' : 'environment'
    return { apiKey: stored, source, envVar: source === 'environment' ? ownVar : preferredVar }
  }
  const found = fromEnv(env, [ownVar, vendorVar])
  if (found) return found
  // Azure OpenAI without a key: a Microsoft Entra token (e.g. from `az account get-access-token`).
  const token = kind === 'azure-openai' ? fromEnv(env, [entraTokenEnvName(name), AZURE_AD_TOKEN_VAR]) : null
  if (token) return { ...token, credential: 'entra-token' }
  return { source: 'none', envVar: preferredVar }
}

function fromEnv(env: Env, variables: (string | undefined)[]): ResolvedKey | null {
  for (const variable of variables) {
    const value = variable ? env[variable]?.trim() : undefined
    if (variable && value) return { apiKey: value, source: 'environment', envVar: variable }
  }
  return null
}
