import { providerNameSchema } from '../../../shared/domain/providers'
import type { ProviderAdvice } from '../core/llm/provider-advice'
import { apiKeyEnvName, type ProviderSettings } from '../core/llm/providers/settings'
import { createEnvironmentSecretStore, resolveProviderKey, type Env } from '../core/secrets'
import { UsageError } from './io'
import { envKindProviders, envKindSettings } from './provider-env'

const builtInKinds: Readonly<Record<string, 'openai' | 'anthropic'>> = {
  openai: 'openai',
  anthropic: 'anthropic',
}
const defaultConcurrency = 8
const baseUrlVar = /^EVALLAB_([A-Z0-9_]+)_BASE_URL$/
/** The core reads these itself, as the app does: the built-ins' and the legacy `openai-compatible` URL. */
const handledByCore = new Set(['OPENAI', 'ANTHROPIC', 'COMPATIBLE'])

/** `local-llm` -> `EVALLAB_LOCAL_LLM_BASE_URL`: the variable the CLI reads a provider's base URL from. */
export function baseUrlEnvName(name: string): string {
  return apiKeyEnvName(name).replace(/_API_KEY$/, '_BASE_URL')
}

/** The CLI's side of the core's provider errors: which flag or variable fixes them in a terminal. */
export const terminalAdvice: ProviderAdvice = {
  unknownProvider: (name) => `pass --provider ${name}=URL or set ${baseUrlEnvName(name)}`,
  missingBaseUrl: (name) => `pass --provider ${name}=URL or set ${baseUrlEnvName(name)}`,
  missingKey: (name, envVar) => {
    const own = apiKeyEnvName(name)
    return envVar === own ? `set ${own}` : `set ${envVar} or ${own}`
  },
}

export interface ProviderFlags {
  /** `NAME=URL` values of --provider. */
  provider: readonly string[]
  concurrency?: number
}

/**
 * Provider settings for openCore from `--provider NAME=URL` and EVALLAB_<NAME>_BASE_URL (a flag wins over
 * the variable); keys come from the environment only. Other names are resolved by the core itself.
 */
export function cliProviderSettings(flags: ProviderFlags, env: Env): Record<string, ProviderSettings> {
  const kinds = envKindProviders(env)
  const urls = new Map<string, string>()
  for (const [name, url] of envBaseUrls(env)) urls.set(name, url)
  const flagUrls = new Map(flags.provider.map(splitProviderFlag))
  for (const [name, url] of flagUrls) urls.set(name, url)
  const settings: Record<string, ProviderSettings> = {}
  for (const [name, baseUrl] of urls) {
    if (!kinds.has(name)) settings[name] = settingsFor(name, baseUrl, flags, env)
  }
  // EVALLAB_<NAME>_KIND: a cloud provider (Azure OpenAI, Gemini, Bedrock) from its own variables.
  for (const [name, kind] of kinds) {
    const options = { baseUrl: flagUrls.get(name), concurrency: flags.concurrency }
    settings[name] = envKindSettings(name, kind, env, options)
  }
  return settings
}

function splitProviderFlag(value: string): [string, string] {
  const eq = value.indexOf('=')
  const name = value.slice(0, Math.max(eq, 0)).trim()
  const url = value.slice(eq + 1).trim()
  const example = '(e.g. local-llm=http://127.0.0.1:11434/v1)'
  if (eq <= 0 || !providerNameSchema.safeParse(name).success) {
    throw new UsageError(
      `--provider must be NAME=URL ${example}, NAME in lower-case letters, digits and dashes; got "${value}"`,
    )
  }
  if (!isHttpUrl(url)) throw new UsageError(`--provider ${name}: "${url}" is not an http(s) URL ${example}`)
  return [name, url]
}

function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false
  const { protocol } = new URL(text)
  return protocol === 'http:' || protocol === 'https:'
}

/**
 * EVALLAB_MY_VLLM_BASE_URL names provider "my-vllm": provider names are lower-case letters, digits and
 * dashes, and a variable cannot hold a dash. A malformed URL in a variable is an error naming the variable.
 */
function envBaseUrls(env: Env): [string, string][] {
  const found: [string, string][] = []
  for (const [variable, raw] of Object.entries(env)) {
    const match = baseUrlVar.exec(variable)
    const url = raw?.trim()
    if (!match?.[1] || !url || handledByCore.has(match[1])) continue
    if (!isHttpUrl(url)) throw new UsageError(`${variable}: "${url}" is not an http(s) URL`)
    found.push([match[1].toLowerCase().replace(/_/g, '-'), url])
  }
  return found
}

function settingsFor(name: string, baseUrl: string, flags: ProviderFlags, env: Env): ProviderSettings {
  const kind = builtInKinds[name] ?? 'openai-compatible'
  const key = resolveProviderKey(name, kind, createEnvironmentSecretStore(env), env)
  if (kind !== 'openai-compatible' && !key.apiKey) {
    throw new UsageError(`No API key for provider "${name}": ${terminalAdvice.missingKey(name, key.envVar)}`)
  }
  return {
    kind,
    baseUrl,
    concurrency: flags.concurrency ?? defaultConcurrency,
    ...(key.apiKey ? { apiKey: key.apiKey } : {}),
  }
}

/** The providers part of `gate --help` and `run --help`. */
export const providerUsage = `Providers: a prompt names its model as provider/model (e.g. local-llm/llama3.1:8b). A folder's
temporary workspace has no Settings, so tell the CLI where each provider is:
  --provider NAME=URL         an OpenAI-compatible server's base URL, e.g.
                              --provider local-llm=http://127.0.0.1:11434/v1 (repeatable; openai=URL and
                              anthropic=URL send the built-in providers elsewhere)
  EVALLAB_<NAME>_BASE_URL     the same from the environment; a dash in NAME becomes an underscore
                              (local-llm: EVALLAB_LOCAL_LLM_BASE_URL); --provider wins over it
  EVALLAB_<NAME>_API_KEY      the provider's key (e.g. EVALLAB_LOCAL_LLM_API_KEY); a local server needs
                              none. openai and anthropic also read OPENAI_API_KEY / ANTHROPIC_API_KEY.
Cloud providers from the environment (NAME as above; each variable's error names it):
  EVALLAB_<NAME>_KIND         azure-openai, gemini or bedrock
  EVALLAB_<NAME>_BASE_URL     Azure: the resource endpoint (required, e.g. https://acme.openai.azure.com);
                              Gemini: a proxy (optional); Bedrock: an endpoint URL (optional)
  EVALLAB_<NAME>_API_VERSION  Azure: the api-version (required, e.g. 2024-10-21)
  EVALLAB_<NAME>_DEPLOYMENTS  Azure: MODEL=DEPLOYMENT pairs, e.g. gpt-4o=prod-gpt4o,gpt-4o-mini=mini (a model
                              without one is called through a deployment of its own name)
  EVALLAB_<NAME>_REGION       Bedrock: the region (required, e.g. us-east-1)
  Keys: EVALLAB_<NAME>_API_KEY, else AZURE_OPENAI_API_KEY / GEMINI_API_KEY; Azure without a key takes a
  Microsoft Entra token from EVALLAB_<NAME>_AD_TOKEN or AZURE_OPENAI_AD_TOKEN. Bedrock uses the AWS
  credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO…), no key.
Keys are read from the environment only. In a workspace of your own (--workspace DIR, run --prompt),
the providers saved in its Settings are used as well, unless a flag or variable names them.`
