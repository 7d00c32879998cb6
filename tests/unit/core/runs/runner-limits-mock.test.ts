import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../shared/domain/runs'
import type { MockLlmServer, ScriptedFault } from '../../../fixtures/mock-llm'
import { forkMockLlm } from '../../../fixtures/mock-llm/fork'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { allResults, ownWorkspace, settled, type OwnWorkspace } from './own-provider'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const model = { provider: 'local-llm', model: 'qwen2.5-7b-instruct' }
const fastRetries = { retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, flushMs: 20 }
/**
 * Long enough that a loaded 2-core machine shows the runner's concurrency rather than the machine's. At load
 * average 8 the runner itself kept 15.5 of 16 calls open (counted at its fetch), but the server, starved too,
 * counts a request only once it reads it: it saw 13 to 14.8 at 500 ms, 12 to 14 at 250 ms and 8 to 14 at
 * 50 ms, run to run. So the test runs at 1 s and 160 calls (ten full rounds); the bench measures 50 ms.
 */
const LATENCY_MS = 1000

const localLlm = (baseUrl: string) => ({ name: 'local-llm', kind: 'openai-compatible', baseUrl })

/** The user's own OpenAI-compatible server, added in Settings as "local-llm". */
async function withLocalLlm(
  server: MockLlmServer,
  settings: Record<string, unknown>,
  options: Parameters<typeof ownWorkspace>[2] = {},
): Promise<OwnWorkspace> {
  const ws = await ownWorkspace(tempHome(), model, { runner: { env: {}, ...fastRetries }, ...options })
  await call(ws.core, 'providers.save', { ...localLlm(server.openaiBaseUrl), ...settings })
  return ws
}

async function runAll(ws: OwnWorkspace, extra: Record<string, unknown> = {}): Promise<Run> {
  const plan = { promptVersionIds: ws.versionIds, models: [model], datasetId: ws.datasetId, useCache: false }
  const run = await call<Run>(ws.core, 'runs.start', { ...plan, name: 'limits', ...extra })
  return settled(ws.core, run.id)
}

describe('a run against the user’s own server: slots, timeouts, concurrency', () => {
  it('lets other cases use the slot while a refused case waits for its retry-after', async () => {
    const scripted: ScriptedFault[] = [{ fault: '429', retryAfterMs: 300 }]
    let first: string | null = null
    const server = await startMock({
      faultsFor: (key) => {
        first ??= key
        return key === first ? scripted : undefined
      },
    })
    const ws = await withLocalLlm(server, { concurrency: 1 })
    const run = await runAll(ws)
    expect(run.status).toBe('completed')
    const arrivals = [...server.stats.attempts].flatMap(([key, times]) => times.map((at) => ({ key, at })))
    arrivals.sort((a, b) => a.at - b.at)
    const refused = arrivals.findIndex((a) => a.key === first)
    // With one slot, the calls after the 429 went to other cases until the refused one's retry-after passed.
    expect(arrivals[refused + 1]?.key).not.toBe(first)
    const results = await allResults(ws.core, run.id)
    const retried = results.find((r) => r.attempts === 2)
    expect(retried?.attemptLog[0]).toMatchObject({ outcome: 'rate_limited', retryAfterMs: 300 })
    // Other cases queued behind the single slot: the wait is recorded apart from the call's latency.
    expect(results.some((r) => (r.attemptLog[0]?.queuedMs ?? 0) > 0)).toBe(true)
    ws.core.close()
  })

  it('cuts hung calls at the idle timeout set in Settings, retries them, and stores every result', async () => {
    // The first three cases to arrive hang without a byte, then stall after their first piece.
    const hung = new Set<string>()
    const server = await startMock({
      latencyMs: 20,
      faultsFor: (key) => {
        if (hung.size < 3) hung.add(key)
        return hung.has(key) ? ['hang', 'stall'] : undefined
      },
    })
    const ws = await withLocalLlm(server, { concurrency: 4, idleTimeoutMs: 500 })
    const run = await runAll(ws)
    expect(run.status).toBe('completed')
    expect(run.counts).toMatchObject({ total: 20, done: 20, errors: 0 })
    const results = await allResults(ws.core, run.id)
    const cut = results.filter((r) => r.attempts === 3)
    expect(cut).toHaveLength(3)
    for (const r of cut) {
      expect(r.attemptLog.map((a) => a.outcome)).toEqual(['timeout', 'timeout', 'ok'])
      expect(r.attemptLog[0]?.message).toBe('No bytes from the server for 0.5 s (idle timeout).')
    }
    ws.core.close()
  })

  it('applies the run’s own limits (the CLI flags) over the provider’s settings', async () => {
    let first: string | null = null
    const server = await startMock({
      faultsFor: (key) => {
        first ??= key
        return key === first ? ['hang'] : undefined
      },
    })
    const ws = await withLocalLlm(
      server,
      { concurrency: 2, idleTimeoutMs: 600_000 },
      { runner: { env: {}, ...fastRetries, callLimits: { idleTimeoutMs: 700 } } },
    )
    const run = await runAll(ws)
    const results = await allResults(ws.core, run.id)
    expect(results.filter((r) => r.attempts === 2)).toHaveLength(1)
    const cut = results.find((r) => r.attempts === 2)
    expect(cut?.attemptLog[0]?.message).toBe('No bytes from the server for 0.7 s (idle timeout).')
    ws.core.close()
  })

  it('keeps close to 16 calls in flight at concurrency 16, as the server counts them', async () => {
    // The server in a process of its own, as a real one would be: in this process it would take half the CPU.
    const server = await forkMockLlm({ latencyMs: LATENCY_MS })
    try {
      const ws = await ownWorkspace(tempHome(), model, { runner: { env: {} }, rows: 80, versions: 2 })
      await call(ws.core, 'providers.save', { ...localLlm(server.openaiBaseUrl), concurrency: 16 })
      const run = await runAll(ws)
      expect(run.counts).toMatchObject({ total: 160, done: 160, errors: 0 })
      const stats = await server.stats()
      expect(stats.maxInFlight).toBe(16)
      // Not a timing: how many calls the server had open on average over the run. A limiter, connection
      // pool or writer that serialised calls would show 4 or 8 here, however fast or loaded the machine.
      expect(stats.averageInFlight, `${stats.averageInFlight} in flight on average`).toBeGreaterThanOrEqual(
        12,
      )
      ws.core.close()
    } finally {
      await server.close()
    }
  }, 60_000)
})
