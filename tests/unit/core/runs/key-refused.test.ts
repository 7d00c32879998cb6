import { describe, expect, it } from 'vitest'
import type { Run, RunResult } from '../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { allResults, ownWorkspace, settled } from './own-provider'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

describe('a provider that refuses the key', () => {
  it('stops the run (failed, resumable) with the reason, stores no refused call, and resumes once fixed', async () => {
    const server = await startMock({ apiKey: 'sk-right', latencyMs: 5 })
    // Read on every lookup, like process.env: fixing it later is what a user does before resuming.
    const env: Record<string, string | undefined> = { EVALLAB_MY_GATEWAY_API_KEY: 'sk-wrong' }
    const model = { provider: 'my-gateway', model: 'triage-good' }
    const { core, datasetId, versionIds } = await ownWorkspace(tempHome(), model, {
      rows: 40,
      runner: { env, flushMs: 10 },
    })
    await call(core, 'providers.save', {
      name: 'my-gateway',
      kind: 'openai-compatible',
      baseUrl: server.openaiBaseUrl,
      concurrency: 2,
    })
    const plan = { promptVersionIds: versionIds, models: [model], datasetId, useCache: false }
    const started = await call<Run>(core, 'runs.start', { ...plan, name: 'Refused' })
    const failed = await settled(core, started.id)

    expect(failed.status).toBe('failed')
    expect(failed.failure?.kind).toBe('key-refused')
    expect(failed.failure?.message).toMatch(/^Provider "my-gateway" refused the API key \(.*401/)
    expect(failed.failure?.message).toMatch(/fix the key, then resume the run\.$/)
    const stored = await allResults(core, started.id)
    expect(stored.filter((r: RunResult) => r.errorKind === 'auth')).toEqual([])
    // Stopped at the first refusal: at most the calls already in flight were sent, not one per case.
    expect(server.stats.total).toBeLessThanOrEqual(4)

    env.EVALLAB_MY_GATEWAY_API_KEY = 'sk-right'
    await call(core, 'runs.resume', { id: started.id })
    const done = await settled(core, started.id)
    expect(done.status).toBe('completed')
    expect(done.failure).toBeNull()
    const results = await allResults(core, started.id)
    expect(results).toHaveLength(40)
    expect(results.filter((r) => r.errorKind !== null)).toEqual([])
    core.close()
  })
})
