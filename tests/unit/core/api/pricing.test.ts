import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { WorkspaceScorecard } from '../../../../shared/domain/scorecard'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { Preview } from '../../../../shared/domain/registry'
import type { RunEstimate, RunResultPage } from '../../../../shared/domain/runs'
import type { GateResult, RunSummary } from '../../../../shared/domain/scoring'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { demoDatasetId, runToEnd } from '../scoring/helpers'
import { addLocalLlm, supportPrompt, userCore } from './user-provider'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

/** A hosted OpenAI-compatible gateway: its public base URL makes it hosted, so its calls cost money. */
const gatewayUrl = 'https://llm-gateway.example.com/v1'

async function addGateway(core: Core, baseUrl = gatewayUrl, locality = 'auto'): Promise<void> {
  await call(core, 'providers.save', {
    name: 'gateway',
    kind: 'openai-compatible',
    baseUrl,
    concurrency: 8,
    locality,
  })
}

async function estimate(
  core: Core,
  prompt: PromptDetail,
  provider: string,
  model: string,
): Promise<RunEstimate> {
  return call<RunEstimate>(core, 'runs.plan', {
    promptVersionIds: [prompt.version.id],
    models: [{ provider, model }],
    datasetId: await demoDatasetId(core),
  })
}

describe('the run estimate', () => {
  it('prices a hosted gateway’s models from the table, vendor/model ids included, never at $0', async () => {
    const core = userCore(tempHome())
    await addGateway(core)
    const prompt = await supportPrompt(core, { provider: 'gateway', model: 'gpt-4o-2024-08-06' })
    const plain = (await estimate(core, prompt, 'gateway', 'gpt-4o-2024-08-06')).estimatedCostUsd
    expect(plain).toBeGreaterThan(0)
    expect((await estimate(core, prompt, 'gateway', 'openai/gpt-4o-2024-08-06')).estimatedCostUsd).toBe(plain)
    const claude = await estimate(core, prompt, 'gateway', 'anthropic/claude-3-5-sonnet-20241022')
    expect(claude.estimatedCostUsd).toBeGreaterThan(0)
    // A model the table does not know is unknown there: not free.
    expect((await estimate(core, prompt, 'gateway', 'qwen2.5-7b')).estimatedCostUsd).toBeNull()
    core.close()
  })

  it('costs a local server nothing, unless the user marks it hosted or gives a price', async () => {
    const server = await startMock()
    const core = userCore(tempHome())
    await addLocalLlm(core, server)
    const prompt = await supportPrompt(core, { provider: 'local-llm', model: 'qwen2.5-7b' })
    expect((await estimate(core, prompt, 'local-llm', 'qwen2.5-7b')).estimatedCostUsd).toBe(0)
    await call(core, 'prices.save', {
      provider: 'local-llm',
      model: 'qwen2.5-7b',
      inputPerMTok: 1,
      outputPerMTok: 2,
    })
    expect((await estimate(core, prompt, 'local-llm', 'qwen2.5-7b')).estimatedCostUsd).toBeGreaterThan(0)
    await call(core, 'prices.delete', { provider: 'local-llm', model: 'qwen2.5-7b' })
    await call(core, 'providers.save', {
      name: 'local-llm',
      kind: 'openai-compatible',
      baseUrl: server.openaiBaseUrl,
      concurrency: 8,
      locality: 'hosted',
    })
    expect((await estimate(core, prompt, 'local-llm', 'qwen2.5-7b')).estimatedCostUsd).toBeNull()
    core.close()
  })
})

describe('a run through a hosted gateway', () => {
  it('freezes list prices and charges them; an unknown model stays unknown, and its cost gate is inconclusive', async () => {
    const server = await startMock({ seed: 4 })
    const core = userCore(tempHome())
    // The mock stands in for the gateway; marked hosted, as a gateway on the network would be.
    await addGateway(core, server.openaiBaseUrl, 'hosted')
    const prompt = await supportPrompt(core, { provider: 'gateway', model: 'gpt-4o-2024-08-06' })
    await call(core, 'suites.save', {
      promptId: prompt.prompt.id,
      suite: { scorers: [], gates: [{ kind: 'max_cost_per_interaction', maxUsd: 1 }] },
      message: 'Cost cap',
    })
    const models = [
      { provider: 'gateway', model: 'gpt-4o-2024-08-06' },
      { provider: 'gateway', model: 'qwen2.5-7b' },
    ]
    const run = await runToEnd(core, {
      promptVersionIds: [prompt.version.id],
      models,
      datasetId: await demoDatasetId(core),
      useCache: false,
    })
    expect(run.status).toBe('completed')
    expect(run.priceTable.map((p) => [p.model, p.source, p.inputPerMTok])).toEqual([
      ['gpt-4o-2024-08-06', 'genai-prices', 2.5],
      ['qwen2.5-7b', 'unknown', null],
    ])
    expect(run.counts.spentUsd).toBeGreaterThan(0)
    const page = await call<RunResultPage>(core, 'runs.results', { runId: run.id, limit: 500 })
    const costs = (model: string) => page.results.filter((r) => r.modelId === model).map((r) => r.costUsd)
    expect(costs('gpt-4o-2024-08-06').every((c) => c !== null && c > 0)).toBe(true)
    expect(costs('qwen2.5-7b').every((c) => c === null)).toBe(true)

    const summary = await call<RunSummary>(core, 'runs.summary', { runId: run.id })
    const slice = (model: string) => summary.slices.find((s) => s.modelId === model)
    expect(slice('gpt-4o-2024-08-06')?.costPerInteractionUsd).toBeGreaterThan(0)
    expect(slice('qwen2.5-7b')?.costPerInteractionUsd).toBeNull()

    const gate = (model: string) =>
      call<GateResult>(core, 'gates.evaluate', {
        runId: run.id,
        slice: { promptVersionId: prompt.version.id, provider: 'gateway', modelId: model },
      })
    expect((await gate('gpt-4o-2024-08-06')).verdict).toBe('pass')
    const unknown = await gate('qwen2.5-7b')
    expect(unknown.verdict).toBe('inconclusive')
    expect(unknown.rules[0]).toMatchObject({
      verdict: 'inconclusive',
      explanation: expect.stringMatching(/cost of these calls is unknown/),
    })
    core.close()
  }, 30_000)
})

describe('the scorecard', () => {
  it('does not count a run whose model has an unknown price as cost tracked', async () => {
    const server = await startMock({ seed: 5 })
    const core = userCore(tempHome())
    await addGateway(core, server.openaiBaseUrl, 'hosted')
    const prompt = await supportPrompt(core, { provider: 'gateway', model: 'qwen2.5-7b' })
    const run = await runToEnd(
      core,
      {
        promptVersionIds: [prompt.version.id],
        models: [prompt.version.model],
        datasetId: await demoDatasetId(core),
      },
      'unpriced run',
    )
    expect(run.status).toBe('completed')
    const s = await call<WorkspaceScorecard>(core, 'scorecard.get', {})
    const cost = s.prompts
      .find((p) => p.name === 'Support reply')
      ?.criteria.find((c) => c.key === 'cost_per_segment')
    expect(cost).toMatchObject({
      met: false,
      evidence:
        'No completed run with known prices: in run "unpriced run" the price of gateway/qwen2.5-7b is unknown',
    })
    core.close()
  }, 30_000)
})

describe('the prompt preview’s cost per call', () => {
  const messages = [{ role: 'user', content: 'Summarise: {{text}}' }]
  const preview = (core: Core, provider: string, model: string) =>
    call<Preview>(core, 'prompts.preview', {
      messages,
      model: { provider, model },
      vars: { text: 'a ticket' },
    })

  it('prices what a run would: the table for a gateway, the user’s price for a local model, unknown otherwise', async () => {
    const server = await startMock()
    const core = userCore(tempHome())
    await addGateway(core)
    await addLocalLlm(core, server)
    const gateway = await preview(core, 'gateway', 'gpt-4o-2024-08-06')
    expect(gateway.cost.perCallUsd).toBeGreaterThan(0)
    expect(gateway.cost.note).toMatch(/at list prices \(genai-prices\)/)
    expect((await preview(core, 'gateway', 'qwen2.5-7b')).cost).toMatchObject({
      perCallUsd: null,
      note: 'Price unknown: gateway/qwen2.5-7b is not in the offline price table; set a price in Settings → Prices',
    })
    expect((await preview(core, 'local-llm', 'qwen2.5-7b')).cost).toMatchObject({
      perCallUsd: 0,
      note: 'Free: local-llm is a local provider (loopback address)',
    })
    await call(core, 'prices.save', {
      provider: 'local-llm',
      model: 'qwen2.5-7b',
      inputPerMTok: 2,
      outputPerMTok: 4,
    })
    const priced = await preview(core, 'local-llm', 'qwen2.5-7b')
    expect(priced.cost.perCallUsd).toBeCloseTo((priced.tokens.input * 2 + 256 * 4) / 1e6, 12)
    expect(priced.cost.note).toMatch(/at your price for local-llm\/qwen2.5-7b/)
    expect((await preview(core, 'openai-compatible', 'qwen2.5-7b')).cost).toMatchObject({
      perCallUsd: null,
      note: 'Price unknown: no provider named "openai-compatible"; add it in Settings → Providers',
    })
    core.close()
  })

  it('prices the legacy openai-compatible name by the base URL the environment gives it', async () => {
    const core = demoCore(tempHome(), { runner: { env: { EVALLAB_COMPATIBLE_BASE_URL: gatewayUrl } } })
    const legacy = await preview(core, 'openai-compatible', 'gpt-4o-2024-08-06')
    expect(legacy.cost.perCallUsd).toBeGreaterThan(0)
    core.close()
  })
})
