import { describe, expect, it, vi } from 'vitest'
import type { Core, CoreOptions } from '../../../../electron/main/core'
import type * as Limits from '../../../../electron/main/core/llm/limits'
import type { LimitSettings } from '../../../../electron/main/core/llm/limits'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { ModelRef } from '../../../../shared/domain/prompts'
import type { Run, RunEstimate, RunProgress, RunResult, RunResultPage } from '../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'

// Records what each run's limiter is configured with: the stored limits must reach it.
const configured = vi.hoisted(() => [] as [string, LimitSettings][])
vi.mock('../../../../electron/main/core/llm/limits', async (importOriginal) => {
  const real = await importOriginal<typeof Limits>()
  const createLimiter: typeof real.createLimiter = (deps) => {
    const limiter = real.createLimiter(deps)
    return {
      ...limiter,
      configure: (id, settings) => {
        configured.push([id, settings])
        limiter.configure(id, settings)
      },
    }
  }
  return { ...real, createLimiter }
})

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

function open(extra: Partial<CoreOptions> = {}): Core {
  return demoCore(tempHome(), { runner: { env: {}, demoLatencyScale: 0, flushMs: 20 }, ...extra })
}

async function planFor(core: Core, models: ModelRef[]) {
  const triage = await promptNamed(core, 'Ticket triage')
  const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
  return { promptVersionIds: [triage.version.id], models, datasetId: dataset?.id, useCache: false }
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

describe('stored provider settings in runs', () => {
  it('estimate and limiter use the stored concurrency and requests per minute', async () => {
    const core = open()
    await call(core, 'providers.save', { name: 'sim', kind: 'demo', concurrency: 3, requestsPerMinute: 600 })
    const plan = await planFor(core, [{ provider: 'sim', model: 'triage-sim-2026-03' }])
    const estimate = await call<RunEstimate>(core, 'runs.plan', plan)
    // 145 calls at 600 a minute take 14.5 s: the rate, not the concurrency, bounds this plan.
    expect(estimate.expectedSeconds).toBe(14.5)
    await call(core, 'providers.save', {
      name: 'sim',
      kind: 'demo',
      concurrency: 3,
      requestsPerMinute: 1_000_000,
    })
    configured.length = 0
    const run = await call<Run>(core, 'runs.start', { ...plan, name: 'limits' })
    expect((await settled(core, run.id)).status).toBe('completed')
    expect(configured).toEqual([
      ['sim', { kind: 'demo', isLocal: true, concurrency: 3, requestsPerMinute: 1_000_000 }],
    ])
    core.close()
  })
})

describe('price overrides in runs', () => {
  it('freeze into the run and price every call; local models stay free without one', async () => {
    const server = await startMock()
    const core = open()
    await call(core, 'providers.save', {
      name: 'local-gw',
      kind: 'openai-compatible',
      baseUrl: server.openaiBaseUrl,
      concurrency: 8,
    })
    const priced = { provider: 'local-gw', model: 'gpt-4o-mini' }
    const free = { provider: 'local-gw', model: 'llama3.1:8b' }
    const plan = await planFor(core, [priced, free])
    expect((await call<RunEstimate>(core, 'runs.plan', plan)).estimatedCostUsd).toBe(0)
    await call(core, 'prices.save', { ...priced, inputPerMTok: 2, outputPerMTok: 10 })
    expect((await call<RunEstimate>(core, 'runs.plan', plan)).estimatedCostUsd).toBeGreaterThan(0)

    const run = await call<Run>(core, 'runs.start', { ...plan, name: 'priced' })
    expect(run.priceTable).toEqual([
      // An OpenAI-compatible server has no Batch API: no batch price.
      {
        ...priced,
        inputPerMTok: 2,
        outputPerMTok: 10,
        cachedInputPerMTok: 2,
        source: 'override',
        batch: null,
      },
      { ...free, inputPerMTok: 0, outputPerMTok: 0, cachedInputPerMTok: 0, source: 'local', batch: null },
    ])
    const final = await settled(core, run.id)
    expect(final.status).toBe('completed')
    const page = await call<RunResultPage>(core, 'runs.results', { runId: run.id, limit: 500 })
    const byModel = (model: string): RunResult[] => page.results.filter((r) => r.modelId === model)
    for (const r of byModel('gpt-4o-mini')) {
      const expected = ((r.inputTokens ?? 0) * 2 + (r.outputTokens ?? 0) * 10) / 1_000_000
      expect(r.costUsd).toBeCloseTo(expected, 12)
      expect(r.costUsd).toBeGreaterThan(0)
    }
    expect(byModel('llama3.1:8b').every((r) => r.costUsd === 0)).toBe(true)
    expect(final.counts.spentUsd).toBeGreaterThan(0)

    // A later change of the override does not reprice a run that was already created.
    await call(core, 'prices.save', { ...priced, inputPerMTok: 50, outputPerMTok: 50 })
    expect((await call<Run>(core, 'runs.get', { id: run.id })).priceTable[0]?.inputPerMTok).toBe(2)
    core.close()
  })

  it('wins over the maintained price table for a hosted model', async () => {
    const server = await startMock()
    const core = open({
      providerSettings: {
        openai: { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'test', concurrency: 8 },
      },
    })
    const model = { provider: 'openai', model: 'gpt-4o-mini' }
    await call(core, 'prices.save', {
      ...model,
      inputPerMTok: 0.01,
      outputPerMTok: 0.02,
      cachedInputPerMTok: 0,
    })
    const run = await call<Run>(core, 'runs.start', { ...(await planFor(core, [model])), name: 'override' })
    expect(run.priceTable).toEqual([
      {
        ...model,
        inputPerMTok: 0.01,
        outputPerMTok: 0.02,
        cachedInputPerMTok: 0,
        source: 'override',
        // The override's batch price is OpenAI's published half of it.
        batch: {
          inputPerMTok: 0.005,
          outputPerMTok: 0.01,
          cachedInputPerMTok: 0,
          source: 'published-discount',
          discount: 0.5,
        },
      },
    ])
    await settled(core, run.id)
    core.close()
  })
})
