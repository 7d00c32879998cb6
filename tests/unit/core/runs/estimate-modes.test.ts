import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { ModelRef } from '../../../../shared/domain/prompts'
import type { RunEstimate } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'

const tempHome = useTempHomes()

// The user's own providers: two with a Batch API, one without (an Azure deployment) and a local server.
const gpt: ModelRef = { provider: 'acme-openai', model: 'gpt-4o-mini' }
const claude: ModelRef = { provider: 'claude-team', model: 'claude-3-5-haiku-20241022' }
const azure: ModelRef = { provider: 'azure-prod', model: 'gpt-4o-mini' }
const local: ModelRef = { provider: 'vllm-box', model: 'qwen2.5:7b' }
const unknown: ModelRef = { provider: 'claude-team', model: 'claude-acme-finetune' }

function open(): Core {
  const hosted = { apiKey: 'sk-test', concurrency: 4 }
  return demoCore(tempHome(), {
    runner: { env: {}, demoLatencyScale: 0 },
    providerSettings: {
      'acme-openai': { kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1', ...hosted },
      'claude-team': { kind: 'anthropic', baseUrl: 'http://127.0.0.1:9', ...hosted },
      'azure-prod': {
        kind: 'azure-openai',
        baseUrl: 'https://acme.openai.azure.com',
        apiVersion: '2024-10-21',
        ...hosted,
      },
      'vllm-box': { kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:8000/v1', concurrency: 4 },
    },
  })
}

async function estimate(core: Core, models: ModelRef[], mode: 'stream' | 'batch') {
  const triage = await promptNamed(core, 'Ticket triage')
  const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
  const plan = { promptVersionIds: [triage.version.id], models, datasetId: dataset?.id, mode }
  return call<RunEstimate>(core, 'runs.plan', plan)
}

describe('estimates in both modes', () => {
  it('prices batched providers at half, streams the others at their price, and says why per provider', async () => {
    const core = open()
    const streamed = await estimate(core, [gpt, claude, azure, local], 'stream')
    const batched = await estimate(core, [gpt, claude, azure, local], 'batch')
    expect(batched.costByMode).toEqual(streamed.costByMode)
    expect(streamed.estimatedCostUsd).toBe(streamed.costByMode.stream)
    expect(batched.estimatedCostUsd).toBe(batched.costByMode.batch)

    // Azure's share is streamed in either mode; the two Batch API providers cost half.
    const only = async (m: ModelRef) => (await estimate(core, [m], 'stream')).costByMode
    const [g, c, a] = [await only(gpt), await only(claude), await only(azure)]
    expect(g.stream).toBeGreaterThan(0)
    expect(g.batch).toBeCloseTo((g.stream ?? 0) / 2, 12)
    expect(c.batch).toBeCloseTo((c.stream ?? 0) / 2, 12)
    expect(a.batch).toBe(a.stream)
    expect(batched.costByMode.batch).toBeCloseTo((g.batch ?? 0) + (c.batch ?? 0) + (a.stream ?? 0), 12)

    expect(batched.batchSupport.map((s) => [s.provider, s.supported])).toEqual([
      ['acme-openai', true],
      ['claude-team', true],
      ['azure-prod', false],
      ['vllm-box', false],
    ])
    expect(batched.batchSupport[2]?.reason).toMatch(/global-batch deployment/)
    core.close()
  })

  it('expects streamed time only for providers without a Batch API, plus the 24-hour window', async () => {
    const core = open()
    const mixed = await estimate(core, [gpt, azure], 'batch')
    expect(mixed.batchWindowHours).toBe(24)
    expect(mixed.timeByMode.stream).toBeGreaterThan(0)
    // Azure's calls alone are what a batch-mode run still streams.
    const azureOnly = await estimate(core, [azure], 'stream')
    expect(mixed.timeByMode.batch).toBe(azureOnly.expectedSeconds)
    expect(mixed.expectedSeconds).toBe(mixed.timeByMode.batch)

    const allBatched = await estimate(core, [gpt, claude], 'batch')
    expect(allBatched.timeByMode.batch).toBe(0)
    expect(allBatched.expectedSeconds).toBe(0)
    const noneBatched = await estimate(core, [azure, local], 'batch')
    expect(noneBatched.batchWindowHours).toBeNull()
    expect(noneBatched.expectedSeconds).toBe(noneBatched.timeByMode.stream)
    core.close()
  })

  it('is unknown in both modes when a model has no price, never $0', async () => {
    const core = open()
    const e = await estimate(core, [gpt, unknown], 'batch')
    expect(e.costByMode).toEqual({ stream: null, batch: null })
    expect(e.estimatedCostUsd).toBeNull()
    core.close()
  })
})
