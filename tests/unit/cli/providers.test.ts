import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { baseUrlEnvName, cliProviderSettings, terminalAdvice } from '../../../electron/main/cli/providers'
import { openConnection } from '../../../electron/main/core/db/connection'
import { createCoreContext } from '../../../electron/main/core/context'
import { resolveSettings } from '../../../electron/main/core/llm/provider-setup'
import { resolveApiKey } from '../../../electron/main/core/llm/providers/settings'
import { fixedClock, useTempHomes } from '../../fixtures/temp-home'
import { demoCore } from '../core/core-calls'

// Fast in-process checks of the pieces; tests/unit/cli/bin-*.test.ts run the built bin as a real process.
const newHome = useTempHomes()
afterEach(() => vi.unstubAllEnvs())

describe('provider settings from flags and the environment', () => {
  it('reads the real process.env, whose prototype is not Object.prototype', () => {
    vi.stubEnv('EVALLAB_LOCAL_LLM_BASE_URL', 'http://127.0.0.1:11434/v1')
    vi.stubEnv('OPENAI_API_KEY', 'sk-test')
    expect(Object.getPrototypeOf(process.env)).not.toBe(Object.prototype)
    expect(resolveApiKey('openai', process.env)).toBe('sk-test')
    const settings = cliProviderSettings({ provider: ['openai=http://127.0.0.1:9/v1'] }, process.env)
    expect(settings.openai).toMatchObject({ kind: 'openai', apiKey: 'sk-test' })
    expect(settings['local-llm']).toEqual({
      kind: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:11434/v1',
      concurrency: 8,
    })
  })

  it('lets a flag win over the variable, and names a bad flag or variable', () => {
    const env = { EVALLAB_LOCAL_LLM_BASE_URL: 'http://env/v1', EVALLAB_LOCAL_LLM_API_KEY: 'k' }
    const settings = cliProviderSettings({ provider: ['local-llm=http://flag/v1'], concurrency: 3 }, env)
    expect(settings['local-llm']).toEqual({
      kind: 'openai-compatible',
      baseUrl: 'http://flag/v1',
      concurrency: 3,
      apiKey: 'k',
    })
    expect(() => cliProviderSettings({ provider: ['Local_LLM=http://x/v1'] }, {})).toThrow(
      /--provider must be NAME=URL .*got "Local_LLM=http:\/\/x\/v1"/,
    )
    expect(() => cliProviderSettings({ provider: ['local-llm=ftp://x'] }, {})).toThrow(
      '--provider local-llm: "ftp://x" is not an http(s) URL',
    )
    expect(() =>
      cliProviderSettings({ provider: [] }, { EVALLAB_MY_VLLM_BASE_URL: 'localhost:8000' }),
    ).toThrow('EVALLAB_MY_VLLM_BASE_URL: "localhost:8000" is not an http(s) URL')
  })

  it('never sends a vendor key to a user-named server', () => {
    const settings = cliProviderSettings(
      { provider: ['my-gateway=https://gw.example/v1'] },
      {
        OPENAI_API_KEY: 'sk-openai',
      },
    )
    expect(settings['my-gateway']).not.toHaveProperty('apiKey')
  })

  it('asks for a hosted provider key by the variables that give it', () => {
    expect(() => cliProviderSettings({ provider: ['anthropic=http://127.0.0.1:9'] }, {})).toThrow(
      'No API key for provider "anthropic": set ANTHROPIC_API_KEY or EVALLAB_ANTHROPIC_API_KEY',
    )
    expect(baseUrlEnvName('local-llm')).toBe('EVALLAB_LOCAL_LLM_BASE_URL')
  })
})

describe("the core's provider errors in the CLI's words", () => {
  it('say which flag or variable to set, not where in Settings', () => {
    const home = newHome()
    demoCore(home, { seedDemo: false }).close()
    const db = openConnection(join(home, 'evallab.db'))
    const ctx = createCoreContext(db, { user: 'tester', now: fixedClock() })
    const options = { env: {}, providerAdvice: terminalAdvice }
    expect(() => resolveSettings(ctx, 'local-llm', options)).toThrow(
      'Unknown provider "local-llm": pass --provider local-llm=URL or set EVALLAB_LOCAL_LLM_BASE_URL',
    )
    expect(() => resolveSettings(ctx, 'openai', options)).toThrow(
      'No API key for provider "openai": set OPENAI_API_KEY or EVALLAB_OPENAI_API_KEY',
    )
    db.close()
  })
})
