import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../../electron/main/core'
import type { ProviderModels } from '../../../../../shared/domain/providers'
import type { RunResult } from '../../../../../shared/domain/runs'
import type { RunSummary } from '../../../../../shared/domain/scoring'
import type { WorkspaceScorecard } from '../../../../../shared/domain/scorecard'
import type { ScriptedFault } from '../../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { supportPrompt, runOn } from '../../api/user-provider'
import { call, demoCore } from '../../core-calls'
import { allResults } from '../../runs/own-provider'

// The acceptance for Azure OpenAI: the demo tickets run through a provider of the user's own,
// "azure-prod", saved in Settings, with its key from the environment, against the mock through the SDK.
const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const model = { provider: 'azure-prod', model: 'gpt-4o-mini-2024-07-18' }
/** gpt-4o-mini's list prices per million tokens (input, cached input, output). */
const PRICE = { input: 0.15, cached: 0.075, output: 0.6 }

function azureCore(home: string): Core {
  return demoCore(home, {
    runner: {
      env: { EVALLAB_AZURE_PROD_API_KEY: 'azure-key-7' },
      flushMs: 10,
      demoLatencyScale: 0,
      retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    },
  })
}

async function saveAzureProd(core: Core, endpoint: string): Promise<void> {
  await call(core, 'providers.save', {
    ...{ name: 'azure-prod', kind: 'azure-openai', baseUrl: endpoint, apiVersion: '2024-10-21' },
    ...{ deployments: { [model.model]: 'prod-mini' }, concurrency: 4 },
  })
}

/** The first case to arrive is refused with 429s, the second fails with 500s, on every attempt. */
function failingTwoCases(): (key: string) => readonly ScriptedFault[] | undefined {
  const order: string[] = []
  const limited: ScriptedFault = { fault: '429', retryAfterMs: 5 }
  return (key) => {
    if (!order.includes(key) && order.length < 2) order.push(key)
    if (key === order[0]) return [limited, limited, limited]
    if (key === order[1]) return ['500', '500', '500']
    return undefined
  }
}

const costAt = (r: RunResult): number =>
  (((r.inputTokens ?? 0) - (r.cachedTokens ?? 0)) * PRICE.input +
    (r.cachedTokens ?? 0) * PRICE.cached +
    (r.outputTokens ?? 0) * PRICE.output) /
  1_000_000

describe('a run through an Azure OpenAI provider (azure-prod) on the demo tickets', () => {
  it('streams answers with usage and cost as gpt-4o-mini, and records a 429 and a 500 after retries', async () => {
    const server = await startMock({
      azureDeployments: { 'prod-mini': model.model },
      apiKey: 'azure-key-7',
      responder: () => ({ text: 'We are sorry; a refund is on its way.', cachedTokens: 2 }),
      faultsFor: failingTwoCases(),
    })
    const core = azureCore(tempHome())
    await saveAzureProd(core, server.url)
    const prompt = await supportPrompt(core, model)
    const { run, slice } = await runOn(core, prompt.version.id, model)
    const results = await allResults(core, run.id)
    const failed = results.filter((r) => r.errorKind !== null)
    expect(failed.map((r) => [r.errorKind, r.attempts]).sort()).toEqual([
      ['rate_limited', 3],
      ['server', 3],
    ])
    const ok = results.filter((r) => r.errorKind === null)
    expect(ok.length).toBe(results.length - 2)
    for (const r of ok) {
      expect(r.inputTokens).toBeGreaterThan(0)
      expect(r.cachedTokens).toBe(2)
      expect(r.ttftMs).not.toBeNull()
      expect(r.costUsd).toBeCloseTo(costAt(r), 12)
    }
    expect(server.stats.byModel[model.model]).toBe(results.length + 4)

    const summary = await call<RunSummary>(core, 'runs.score', { runId: run.id })
    const row = summary.slices.find((s) => s.provider === 'azure-prod')
    expect(row).toMatchObject({ modelId: model.model, errors: 2, results: results.length })
    expect(row?.costPerInteractionUsd).toBeGreaterThan(0)
    expect(row?.totalCostUsd).toBeCloseTo(
      ok.reduce((sum, r) => sum + costAt(r), 0),
      10,
    )
    expect(slice.provider).toBe('azure-prod')

    const scorecard = await call<WorkspaceScorecard>(core, 'scorecard.get', {})
    const card = scorecard.prompts.find((p) => p.name === 'Support reply')
    expect(card?.criteria.find((c) => c.key === 'pinned_models')?.evidence).toBe(
      `Pinned: v1 → azure-prod/${model.model}`,
    )
    expect(card?.criteria.find((c) => c.key === 'cost_per_segment')?.evidence).toMatch(/has prices/)
    core.close()
  }, 30_000)

  it('lists the known models of Azure, Gemini and Bedrock providers for the model picker', async () => {
    const core = azureCore(tempHome())
    await saveAzureProd(core, 'https://acme.openai.azure.com')
    await call(core, 'providers.save', { name: 'gemini-eu', kind: 'gemini', concurrency: 4 })
    await call(core, 'providers.save', {
      name: 'bedrock-eu',
      kind: 'bedrock',
      region: 'eu-central-1',
      concurrency: 4,
    })
    await supportPrompt(core, model)
    const models = await call<ProviderModels[]>(core, 'providers.models', {})
    const of = (provider: string) => models.find((m) => m.provider === provider)?.models ?? []
    expect(of('azure-prod')).toContainEqual({ id: model.model, sources: ['pinned', 'price-table'] })
    expect(of('azure-prod').some((m) => m.id === 'gpt-4o')).toBe(true)
    expect(of('gemini-eu').some((m) => m.id.startsWith('gemini-'))).toBe(true)
    expect(of('bedrock-eu').some((m) => /^(anthropic|amazon)\./.test(m.id))).toBe(true)
    core.close()
  })
})
