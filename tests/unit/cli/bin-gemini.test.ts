import { describe, expect, it } from 'vitest'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { baselineAndGate, runOn, supportPrompt } from '../core/api/user-provider'
import { call, demoCore } from '../core/core-calls'
import { described, spawnEvallab } from './spawn-bin'

// The built bin on a workspace whose Settings hold a Gemini provider of the user's own (gemini-eu, the mock
// as its base URL): the run uses the stored provider, with the key from the environment only.
const newHome = useTempHomes()
const startServer = useMockLlmServer()
const model = { provider: 'gemini-eu', model: 'gemini-2.5-flash' }
const key = 'gemini-eu-key'

/** A workspace with gemini-eu stored and "Refund replies" pinned to it, with a baseline run on it. */
async function geminiWorkspace(baseUrl: string): Promise<string> {
  const home = newHome()
  const core = demoCore(home, { runner: { env: { GEMINI_API_KEY: key }, flushMs: 10 } })
  try {
    await call(core, 'providers.save', { name: 'gemini-eu', kind: 'gemini', baseUrl, concurrency: 4 })
    const detail = await supportPrompt(core, model, 'Refund replies')
    const side = await runOn(core, detail.version.id, model)
    if (side.run.status !== 'completed') throw new Error(`baseline run ${side.run.status}`)
    await baselineAndGate(core, detail.prompt.id, side)
    return home
  } finally {
    core.close()
  }
}

describe('evallab run on a workspace with a stored Gemini provider', () => {
  it('runs through gemini-eu with the key from GEMINI_API_KEY, priced; without a key it names the variables', async () => {
    const server = await startServer({ apiKey: key, responder: () => 'We have refunded your order.' })
    const home = await geminiWorkspace(server.url)
    const before = server.stats.byApi.gemini
    const args = ['run', '--prompt', 'Refund replies', '--workspace', home]

    const run = await spawnEvallab(args, { GEMINI_API_KEY: key })
    expect(run.code, described(run)).toBe(0)
    expect(run.stdout).toMatch(/^Run "evallab run: Refund replies v1": completed \((\d+)\/\1 calls\)/m)
    expect(run.stdout).toMatch(/gemini-eu\/gemini-2\.5-flash/)
    expect(run.stdout).toMatch(/cost per interaction \$\d/)
    expect(run.stdout).not.toMatch(/cost unknown/)
    expect(server.stats.byApi.gemini).toBeGreaterThan(before)

    const keyless = await spawnEvallab(args)
    expect(keyless.code, described(keyless)).toBe(3)
    expect(keyless.stderr).toMatch(
      /No API key for provider "gemini-eu".*(EVALLAB_GEMINI_EU_API_KEY|GEMINI_API_KEY)/,
    )
  }, 60_000)
})
