import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { Run, RunProgress, RunResult, RunResultPage } from '../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import type { MockLlmServer } from '../../../fixtures/mock-llm'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

function coreFor(server: MockLlmServer): Core {
  return demoCore(tempHome(), {
    providerSettings: {
      openai: { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'test', concurrency: 16 },
      anthropic: { kind: 'anthropic', baseUrl: server.anthropicBaseUrl, apiKey: 'test', concurrency: 16 },
    },
    // 2 s, not less: on a loaded machine a shorter timer can fire before the request reaches the server,
    // and the attempt the client counted would be one the server never saw.
    runner: { retryPolicy: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 2_000 }, flushMs: 20 },
  })
}

function settled(core: Core, runId: string): Promise<Run> {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || p.status === 'running') return
      stop()
      void call<Run>(core, 'runs.get', { id: runId }).then(resolve)
    })
  })
}

async function allResults(core: Core, runId: string): Promise<RunResult[]> {
  const page = await call<RunResultPage>(core, 'runs.results', { runId, limit: 500 })
  expect(page.results.length).toBe(page.total)
  return page.results
}

describe('runs against the mock server through the real SDKs', () => {
  it('ends every item with an answer or a recorded error, attempts matching what the server saw', async () => {
    const server = await startMock({
      rate429: 0.1,
      rate500: 0.02,
      rateHang: 0.01,
      retryAfterSeconds: 0.01,
      seed: 3,
    })
    const core = coreFor(server)
    const triage = await promptNamed(core, 'Ticket triage')
    const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
    const models = [
      { provider: 'openai', model: 'gpt-4o-mini' },
      { provider: 'anthropic', model: 'claude-3-5-haiku-latest' },
    ]
    const plan = { promptVersionIds: [triage.version.id], models, datasetId: dataset?.id, useCache: false }
    const run = await call<Run>(core, 'runs.start', { ...plan, name: 'faults' })
    const final = await settled(core, run.id)
    expect(final.status).toBe('completed')
    const results = await allResults(core, run.id)
    expect(results.length).toBe(run.counts.total)
    for (const r of results) {
      const key = `${run.id}/${r.caseId}/${r.promptVersionId}/${r.provider}/${r.modelId}/${r.repeat}`
      expect(r.attempts).toBe(server.stats.attemptsFor(key).length)
      expect(r.attemptLog.length).toBe(r.attempts)
      expect(r.responseText !== null || r.errorKind !== null).toBe(true)
    }
    const sent = results.reduce((n, r) => n + r.attempts, 0)
    const seen = [...server.stats.attempts.values()].reduce((n, a) => n + a.length, 0)
    expect(sent).toBe(seen)
    expect(results.some((r) => r.attempts > 1)).toBe(true)
    const openaiOk = results.filter((r) => r.provider === 'openai' && r.errorKind === null)
    expect(openaiOk.every((r) => r.inputTokens !== null && r.totalMs !== null)).toBe(true)
    expect(final.priceTable.find((p) => p.provider === 'openai')?.source).toBe('genai-prices')
    expect(openaiOk.every((r) => (r.costUsd ?? 0) > 0)).toBe(true)
    core.close()
    // 290 calls with injected faults: a cap for a loaded 2-core machine, not a speed check.
  }, 30_000)
})
