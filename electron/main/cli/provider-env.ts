import { z } from 'zod'
import { providerConfigSchema, type ProviderKind } from '../../../shared/domain/providers'
import { defaultConcurrency } from '../core/llm/catalog'
import { apiKeyEnvName, type ProviderSettings } from '../core/llm/providers/settings'
import { createEnvironmentSecretStore, resolveProviderKey, type Env } from '../core/secrets'
import { AZURE_AD_TOKEN_VAR, entraTokenEnvName } from '../core/secrets/key-names'
import { UsageError } from './io'

/** The cloud kinds a provider can be given from the environment with EVALLAB_<NAME>_KIND. */
export const envKinds = ['azure-openai', 'gemini', 'bedrock'] as const
const envKindSchema = z.enum(envKinds)
const kindVar = /^EVALLAB_([A-Z0-9_]+)_KIND$/

/** `azure-prod` + `API_VERSION` -> `EVALLAB_AZURE_PROD_API_VERSION`. */
export const providerEnvName = (name: string, suffix: string): string =>
  apiKeyEnvName(name).replace(/_API_KEY$/, `_${suffix}`)

/** Which variable sets each field of the shared schema, so its errors can name the variable. */
const fieldVars: Readonly<Record<string, string>> = {
  baseUrl: 'BASE_URL',
  apiVersion: 'API_VERSION',
  region: 'REGION',
  deployments: 'DEPLOYMENTS',
  name: 'KIND',
}

/** Provider names (lower-case, dashes) given a cloud kind by EVALLAB_<NAME>_KIND, with that kind. */
export function envKindProviders(env: Env): Map<string, ProviderKind> {
  const found = new Map<string, ProviderKind>()
  for (const [variable, raw] of Object.entries(env)) {
    const match = kindVar.exec(variable)
    const value = raw?.trim()
    if (!match?.[1] || !value) continue
    const kind = envKindSchema.safeParse(value)
    if (!kind.success) {
      throw new UsageError(`${variable}: "${value}" is not one of ${envKinds.join(', ')}`)
    }
    found.set(match[1].toLowerCase().replace(/_/g, '-'), kind.data)
  }
  return found
}

/**
 * `gpt-4o=prod-gpt4o,gpt-4o-mini=mini` -> { 'gpt-4o': 'prod-gpt4o', 'gpt-4o-mini': 'mini' }. Model ids may
 * hold ':' and '.', never '=' or ','; a malformed or repeated entry is an error naming the variable.
 */
export function parseDeployments(variable: string, text: string): Record<string, string> {
  const deployments: Record<string, string> = {}
  for (const entry of text.split(',').map((e) => e.trim())) {
    if (entry === '') continue
    const [model = '', deployment = '', ...rest] = entry.split('=').map((p) => p.trim())
    if (model === '' || deployment === '' || rest.length > 0) {
      throw new UsageError(`${variable}: "${entry}" is not MODEL=DEPLOYMENT (e.g. gpt-4o-mini=prod-mini)`)
    }
    if (Object.hasOwn(deployments, model))
      throw new UsageError(`${variable}: model "${model}" is listed twice`)
    deployments[model] = deployment
  }
  return deployments
}

/**
 * Settings of one provider of a cloud kind from its variables, checked by the same schema Settings uses:
 * an error names the variable to fix. `baseUrl` is the --provider flag's URL when given (it wins).
 */
export function envKindSettings(
  name: string,
  kind: ProviderKind,
  env: Env,
  options: { baseUrl?: string | undefined; concurrency?: number | undefined },
): ProviderSettings {
  const read = (suffix: string): string | null => env[providerEnvName(name, suffix)]?.trim() || null
  const deploymentsVar = providerEnvName(name, 'DEPLOYMENTS')
  const candidate = {
    name,
    kind,
    baseUrl: options.baseUrl ?? read('BASE_URL'),
    concurrency: options.concurrency ?? defaultConcurrency[kind],
    apiVersion: read('API_VERSION'),
    region: read('REGION'),
    deployments: parseDeployments(deploymentsVar, read('DEPLOYMENTS') ?? ''),
  }
  const parsed = providerConfigSchema.safeParse(candidate)
  if (!parsed.success) throw new UsageError(schemaErrors(name, parsed.error))
  const config = parsed.data
  const key = resolveProviderKey(name, kind, createEnvironmentSecretStore(env), env)
  if (kind !== 'bedrock' && !key.apiKey) throw new UsageError(missingKeyMessage(name, kind))
  return {
    kind,
    concurrency: config.concurrency,
    ...(config.baseUrl !== null ? { baseUrl: config.baseUrl } : {}),
    ...(config.apiVersion !== null ? { apiVersion: config.apiVersion } : {}),
    ...(config.region !== null ? { region: config.region } : {}),
    ...(Object.keys(config.deployments).length > 0 ? { deployments: config.deployments } : {}),
    ...(key.apiKey ? { apiKey: key.apiKey } : {}),
    ...(key.apiKey && key.credential === 'entra-token' ? { apiKeyKind: key.credential } : {}),
  }
}

function schemaErrors(name: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '')
    const suffix = fieldVars[field]
    const where = suffix ? providerEnvName(name, suffix) : `provider "${name}"`
    return `${where}: ${issue.message}`
  })
  return lines.join('\n')
}

const vendorKeyVars: Partial<Record<ProviderKind, string>> = {
  'azure-openai': 'AZURE_OPENAI_API_KEY',
  gemini: 'GEMINI_API_KEY',
}

function missingKeyMessage(name: string, kind: ProviderKind): string {
  const vendor = vendorKeyVars[kind]
  const keys = [apiKeyEnvName(name), ...(vendor ? [vendor] : [])].join(' or ')
  const token =
    kind === 'azure-openai'
      ? ` (or a Microsoft Entra token in ${entraTokenEnvName(name)} or ${AZURE_AD_TOKEN_VAR})`
      : ''
  return `No API key for provider "${name}": set ${keys}${token}`
}
