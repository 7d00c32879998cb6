import { AppError } from '../../../../shared/contract'
import { createProvider, resolveApiKey } from './providers'
import { createDemoProvider } from './providers/demo'
import type { ProviderKind, ProviderSettings } from './providers/settings'
import type { Provider } from './providers/types'
import type { RunnerOptions } from './run-options'

const baseUrlVars: Partial<Record<ProviderKind, string>> = {
  openai: 'EVALLAB_OPENAI_BASE_URL',
  anthropic: 'EVALLAB_ANTHROPIC_BASE_URL',
  'openai-compatible': 'EVALLAB_COMPATIBLE_BASE_URL',
}

const defaultConcurrency: Record<ProviderKind, number> = {
  openai: 8,
  anthropic: 4,
  'openai-compatible': 2,
  demo: 8,
}

const isKind = (name: string): name is ProviderKind => name in defaultConcurrency

/**
 * Settings for one provider name: the injected ones, or built from the environment. Keys stay in memory
 * only: they are never part of the plan, the run row or any answer.
 */
export function resolveSettings(name: string, options: RunnerOptions): ProviderSettings {
  const given = options.providerSettings?.[name]
  if (given) return given
  if (!isKind(name)) throw new AppError('INVALID_INPUT', `Unknown provider "${name}"`)
  if (name === 'demo') return { kind: 'demo', concurrency: defaultConcurrency.demo }
  // A plain copy: zod's record check refuses the process.env object itself.
  const env = { ...(options.env ?? process.env) }
  const urlVar = baseUrlVars[name]
  const baseUrl = urlVar ? env[urlVar]?.trim() : undefined
  const apiKey = resolveApiKey(name, env)
  if (name === 'openai-compatible' && !baseUrl) {
    throw new AppError('INVALID_INPUT', 'Set EVALLAB_COMPATIBLE_BASE_URL to run OpenAI-compatible models')
  }
  if ((name === 'openai' || name === 'anthropic') && !apiKey) {
    const variable = name === 'openai' ? 'OPENAI_API_KEY' : 'ANTHROPIC_API_KEY'
    throw new AppError('INVALID_INPUT', `Set ${variable} to run ${name} models`)
  }
  return {
    kind: name,
    concurrency: defaultConcurrency[name],
    ...(baseUrl ? { baseUrl } : {}),
    ...(apiKey ? { apiKey } : {}),
  }
}

export function buildProvider(name: string, settings: ProviderSettings, options: RunnerOptions): Provider {
  if (settings.kind === 'demo') {
    return createDemoProvider({ id: name, latencyScale: options.demoLatencyScale ?? 1 })
  }
  return createProvider(name, settings)
}
