import { describe, expect, it } from 'vitest'
import type { Run, RunEstimate } from '../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { allResults, ownWorkspace, settled } from './own-provider'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const model = { provider: 'local-llm', model: 'qwen2.5-7b-instruct' }
// $1 and $4 per million tokens: the user's own price for their server, so the cost shows what it is built from.
const price = { ...model, inputPerMTok: 1, outputPerMTok: 4 }

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length

async function setUp() {
  const server = await startMock({ latency: { minMs: 10, maxMs: 60 } })
  const ws = await ownWorkspace(tempHome(), model, { runner: { env: {}, flushMs: 20 }, versions: 2 })
  await call(ws.core, 'providers.save', {
    name: 'local-llm',
    kind: 'openai-compatible',
    baseUrl: server.openaiBaseUrl,
    concurrency: 4,
  })
  await call(ws.core, 'prices.save', price)
  const plan = (versionIds: string[]) => ({
    promptVersionIds: versionIds,
    models: [model],
    datasetId: ws.datasetId,
    useCache: false,
  })
  return { ...ws, plan }
}

describe('run estimate: observed or assumed, and saying which', () => {
  it('assumes 2 s a call and the default output length before the provider was ever called', async () => {
    const { core, versionIds, plan } = await setUp()
    const estimate = await call<RunEstimate>(core, 'runs.plan', plan([versionIds[0] ?? '']))
    expect(estimate.timeBasis).toEqual([{ kind: 'assumed', provider: 'local-llm', secondsPerCall: 2 }])
    // 20 calls × 2 s over 4 at a time.
    expect(estimate.expectedSeconds).toBe(10)
    expect(estimate.outputTokensBasis).toEqual([
      expect.objectContaining({ kind: 'assumed', source: 'default', tokensPerCall: 256 }),
    ])
    expect(estimate.estimatedOutputTokens).toBe(20 * 256)
    core.close()
  })

  it('uses the latency and output length of recent answers, for this version and then for the model', async () => {
    const { core, versionIds, plan } = await setUp()
    const [v1 = '', v2 = ''] = versionIds
    const run = await call<Run>(core, 'runs.start', { ...plan([v1]), name: 'first' })
    expect((await settled(core, run.id)).status).toBe('completed')
    const results = await allResults(core, run.id)
    const durations = results.map((r) => r.totalMs ?? 0)
    const outputs = results.map((r) => r.outputTokens ?? 0)

    const again = await call<RunEstimate>(core, 'runs.plan', plan([v1]))
    const [time] = again.timeBasis
    expect(time).toMatchObject({ kind: 'observed', provider: 'local-llm', calls: 20 })
    if (time?.kind !== 'observed') throw new Error('expected an observed time basis')
    expect(time.meanMs).toBeCloseTo(mean(durations), 6)
    expect(time.p50Ms).toBeGreaterThan(0)
    expect(again.expectedSeconds).toBe(Math.round(((20 * time.meanMs) / 1000 / 4) * 10) / 10)
    expect(again.outputTokensBasis).toEqual([
      expect.objectContaining({ kind: 'observed', scope: 'version', calls: 20, meanTokens: mean(outputs) }),
    ])
    // Cost: the estimated input at $1 and 20 observed-length answers at $4 per million tokens.
    const expected = (again.estimatedInputTokens * 1 + 20 * mean(outputs) * 4) / 1e6
    expect(again.estimatedCostUsd).toBeCloseTo(expected, 12)

    // Version 2 was never run: its length comes from the model's recent answers to any prompt.
    const second = await call<RunEstimate>(core, 'runs.plan', plan([v2]))
    expect(second.outputTokensBasis).toEqual([
      expect.objectContaining({ kind: 'observed', scope: 'model', calls: 20, promptVersionId: v2 }),
    ])
    core.close()
  })
})
