import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { ProviderList, ProviderModels } from '../../../../shared/domain/providers'
import type { WorkspaceScorecard } from '../../../../shared/domain/scorecard'
import type { MockLlmServer, ScriptedFault } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { supportPrompt } from '../api/user-provider'
import { call, demoCore } from '../core-calls'
import { allCases } from '../datasets/api-helpers'
import { demoDatasetId, runToEnd } from '../scoring/helpers'
import { resultRows } from './acme-mock'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const model = { provider: 'gemini-eu', model: 'gemini-2.5-flash' }

/** The demo workspace with a Gemini provider of the user's own, stored as Settings saves it, on the mock. */
async function geminiCore(server: MockLlmServer): Promise<Core> {
  const core = demoCore(tempHome(), {
    runner: {
      env: { EVALLAB_GEMINI_EU_API_KEY: 'gemini-eu-key' },
      flushMs: 10,
      retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 5_000 },
    },
  })
  await call(core, 'providers.save', {
    name: 'gemini-eu',
    kind: 'gemini',
    baseUrl: server.url,
    concurrency: 4,
  })
  return core
}

/** One case gets 429 on every attempt (RetryInfo 10 ms), another 500 on every attempt. */
function persistentFaults(server: MockLlmServer, cases: DatasetCase[]): { limited: string; broken: string } {
  const [limited, broken] = [cases[0]?.id ?? '', cases[1]?.id ?? '']
  const always429: ScriptedFault[] = Array(10).fill({ fault: '429', retryAfterMs: 10 })
  server.setBehavior({
    faultsFor: (key) =>
      key.includes(limited) ? always429 : key.includes(broken) ? Array(10).fill('500') : undefined,
  })
  return { limited, broken }
}

describe('a Gemini provider of the user own, end to end through the runner', () => {
  it('runs the demo dataset with streaming, usage and table cost, and records a 429 and a 500', async () => {
    const server = await startMock({
      apiKey: 'gemini-eu-key',
      latencyMs: 5,
      responder: () => ({ text: 'Refund approved.', cachedTokens: 2 }),
    })
    const core = await geminiCore(server)
    const datasetId = await demoDatasetId(core)
    const cases = await allCases(core, datasetId)
    const { limited, broken } = persistentFaults(server, cases)
    const detail = await supportPrompt(core, model, 'Refund replies')
    const run = await runToEnd(core, {
      promptVersionIds: [detail.version.id],
      models: [model],
      datasetId,
      useCache: false,
    })
    expect(run.status).toBe('completed')
    const rows = await resultRows(core, run.id)
    expect(rows).toHaveLength(cases.length)

    const ok = rows.filter((r) => r.errorKind === null)
    expect(ok).toHaveLength(cases.length - 2)
    for (const r of ok) {
      expect(r).toMatchObject({ responseText: 'Refund approved.', finishReason: 'stop', cachedTokens: 2 })
      expect(r.inputTokens).toBeGreaterThan(2)
      expect(r.outputTokens).toBeGreaterThan(0)
      expect(r.ttftMs).not.toBeNull()
      // Google's list prices for gemini-2.5-flash: $0.30 in, $0.03 cached in, $2.50 out per MTok.
      const usd = ((r.inputTokens ?? 0) - 2) * 0.3 + 2 * 0.03 + (r.outputTokens ?? 0) * 2.5
      expect(r.costUsd).toBeCloseTo(usd / 1e6, 12)
    }
    expect(run.priceTable.find((p) => p.provider === 'gemini-eu')).toMatchObject({
      model: 'gemini-2.5-flash',
      source: 'genai-prices',
      inputPerMTok: 0.3,
      cachedInputPerMTok: 0.03,
      outputPerMTok: 2.5,
    })

    const rateLimited = rows.find((r) => r.caseId === limited)
    expect(rateLimited).toMatchObject({ errorKind: 'rate_limited', attempts: 3, responseText: null })
    expect(rateLimited?.errorMessage).toMatch(/RESOURCE_EXHAUSTED/)
    // Each retry waited at least the 10 ms the RetryInfo detail asked for.
    const [key] = [...server.stats.attempts.keys()].filter((k) => k.includes(limited))
    const times = server.stats.attemptsFor(key ?? '')
    expect(times).toHaveLength(3)
    times.slice(1).forEach((t, i) => expect(t - (times[i] ?? 0)).toBeGreaterThanOrEqual(9))
    expect(rows.find((r) => r.caseId === broken)).toMatchObject({ errorKind: 'server', attempts: 3 })
    const sent = rows.reduce((n, r) => n + r.attempts, 0)
    expect(server.stats.byApi.gemini).toBe(sent)

    // The scorecard reads the run: prices known, and gemini-2.5-flash counts as a pinned (stable) model.
    const scorecard = await call<WorkspaceScorecard>(core, 'scorecard.get', {})
    const card = scorecard.prompts.find((p) => p.promptId === detail.prompt.id)
    const criterion = (key: string) => card?.criteria.find((c) => c.key === key)
    expect(criterion('cost_per_segment')?.evidence).toMatch(/^Run "scoring test" has prices/)
    expect(criterion('pinned_models')).toMatchObject({
      met: true,
      evidence: 'Pinned: v1 → gemini-eu/gemini-2.5-flash',
    })
    core.close()
  }, 30_000)

  it('answers a repeated run from the response cache: no second call reaches Gemini', async () => {
    const server = await startMock({ apiKey: 'gemini-eu-key' })
    const core = await geminiCore(server)
    const datasetId = await demoDatasetId(core)
    const detail = await supportPrompt(core, model, 'Refund replies')
    const input = { promptVersionIds: [detail.version.id], models: [model], datasetId, useCache: true }
    const first = await runToEnd(core, input)
    const calls = server.stats.byApi.gemini
    expect(calls).toBe(first.counts.total)
    const second = await runToEnd(core, input)
    expect(server.stats.byApi.gemini).toBe(calls)
    const rows = await resultRows(core, second.id)
    expect(rows.every((r) => r.cached && r.errorKind === null)).toBe(true)
    core.close()
  }, 30_000)

  it('lists the provider with its key variable, and its known models from the Google price table', async () => {
    const server = await startMock()
    const core = await geminiCore(server)
    const list = await call<ProviderList>(core, 'providers.list', {})
    expect(list.providers.find((p) => p.name === 'gemini-eu')).toMatchObject({
      kind: 'gemini',
      baseUrl: server.url,
      isLocal: false,
      keyEnvVar: 'EVALLAB_GEMINI_EU_API_KEY',
    })
    const models = await call<ProviderModels[]>(core, 'providers.models', {})
    const ids = models.find((m) => m.provider === 'gemini-eu')?.models.map((m) => m.id) ?? []
    expect(ids).toEqual(expect.arrayContaining(['gemini-2.5-flash', 'gemini-2.0-flash']))
    core.close()
  })

  it('prices gemini-2.0-flash from the table, and a model the table does not know as unknown, never $0', async () => {
    const server = await startMock({ apiKey: 'gemini-eu-key' })
    const core = await geminiCore(server)
    const datasetId = await demoDatasetId(core)
    const known = { provider: 'gemini-eu', model: 'gemini-2.0-flash' }
    const unknown = { provider: 'gemini-eu', model: 'gemini-acme-tuned-7' }
    const detail = await supportPrompt(core, known, 'Refund replies')
    const run = await runToEnd(core, {
      promptVersionIds: [detail.version.id],
      models: [known, unknown],
      datasetId,
      useCache: false,
    })
    const rows = await resultRows(core, run.id)
    expect(rows.filter((r) => r.modelId === 'gemini-2.0-flash').every((r) => (r.costUsd ?? 0) > 0)).toBe(true)
    expect(run.priceTable.find((p) => p.model === 'gemini-2.0-flash')).toMatchObject({
      inputPerMTok: 0.1,
      cachedInputPerMTok: 0.025,
      outputPerMTok: 0.4,
    })
    const unpriced = rows.filter((r) => r.modelId === 'gemini-acme-tuned-7')
    expect(unpriced.length).toBeGreaterThan(0)
    expect(unpriced.every((r) => r.errorKind === null && r.costUsd === null)).toBe(true)
    expect(run.priceTable.find((p) => p.model === 'gemini-acme-tuned-7')?.source).toBe('unknown')
    core.close()
  }, 30_000)
})
