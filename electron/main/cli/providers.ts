import { resolveApiKey, type ProviderSettings } from '../core/evals/providers/settings'
import { UsageError } from './io'

const builtInKinds: Readonly<Record<string, 'openai' | 'anthropic'>> = {
  openai: 'openai',
  anthropic: 'anthropic',
}
const defaultConcurrency = 8
const baseUrlVar = /^EVALLAB_([A-Z0-9_]+)_BASE_URL$/
/** The core already reads these itself (built-ins and the legacy compatible name). */
const handledByCore = new Set(['OPENAI', 'ANTHROPIC', 'COMPATIBLE'])

export interface ProviderFlags {
  /** `NAME=URL` values of --provider. */
  provider: readonly string[]
  concurrency?: number
}

/**
 * Provider settings for openCore from `--provider NAME=URL` and EVALLAB_<NAME>_BASE_URL; keys come from the
 * environment only. Names not listed here are resolved by the core itself (built-ins and env base URLs).
 */
export function cliProviderSettings(
  flags: ProviderFlags,
  env: Record<string, string | undefined>,
): Record<string, ProviderSettings> {
  const urls = new Map<string, string>()
  for (const [name, url] of envBaseUrls(env)) urls.set(name, url)
  for (const value of flags.provider) {
    const [name, url] = splitProviderFlag(value)
    urls.set(name, url)
  }
  const settings: Record<string, ProviderSettings> = {}
  for (const [name, baseUrl] of urls) settings[name] = settingsFor(name, baseUrl, flags, env)
  return settings
}

function splitProviderFlag(value: string): [string, string] {
  const eq = value.indexOf('=')
  const name = value.slice(0, eq).trim()
  const url = value.slice(eq + 1).trim()
  if (eq <= 0 || !/^[A-Za-z0-9_.-]+$/.test(name) || !/^https?:\/\/\S+$/.test(url)) {
    throw new UsageError(
      `--provider must be NAME=http(s)-URL (e.g. openai=http://127.0.0.1:8787/v1), got "${value}"`,
    )
  }
  return [name, url]
}

/** EVALLAB_MY_VLLM_BASE_URL names provider "my-vllm" (and "my_vllm": env names cannot hold a dash). */
function envBaseUrls(env: Record<string, string | undefined>): [string, string][] {
  const found: [string, string][] = []
  for (const [variable, raw] of Object.entries(env)) {
    const match = baseUrlVar.exec(variable)
    const url = raw?.trim()
    if (!match?.[1] || !url || handledByCore.has(match[1])) continue
    const lower = match[1].toLowerCase()
    found.push([lower, url])
    if (lower.includes('_')) found.push([lower.replace(/_/g, '-'), url])
  }
  return found
}

function settingsFor(
  name: string,
  baseUrl: string,
  flags: ProviderFlags,
  env: Record<string, string | undefined>,
): ProviderSettings {
  const kind = builtInKinds[name] ?? 'openai-compatible'
  const apiKey = resolveApiKey(kind, env, name)
  if (kind !== 'openai-compatible' && !apiKey) {
    const vendorVar = kind === 'openai' ? 'OPENAI_API_KEY' : 'ANTHROPIC_API_KEY'
    throw new UsageError(`No API key for provider "${name}": set ${vendorVar}`)
  }
  return {
    kind,
    baseUrl,
    concurrency: flags.concurrency ?? defaultConcurrency,
    ...(apiKey ? { apiKey } : {}),
  }
}
