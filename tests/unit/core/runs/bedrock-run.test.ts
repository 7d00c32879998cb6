import { beforeEach, describe, expect, it } from 'vitest'
import type { WorkspaceScorecard } from '../../../../shared/domain/scorecard'
import type { Run } from '../../../../shared/domain/runs'
import type { ScriptedFault } from '../../../fixtures/mock-llm'
import { FAKE_AWS_KEY_ID } from '../../../fixtures/mock-llm/aws-env'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { useFakeAwsEnv } from '../llm/providers/bedrock-stub'
import { allResults, ownWorkspace, settled } from './own-provider'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const awsEnv = useFakeAwsEnv()
beforeEach(() => awsEnv())

const MODEL = { provider: 'bedrock-eu', model: 'anthropic.claude-3-5-haiku-20241022-v1:0' }
// Claude 3.5 Haiku on Bedrock, per million tokens, from the price table's `aws` entry.
const PRICE = { inputPerMTok: 0.8, outputPerMTok: 4 }

interface ProviderModels {
  provider: string
  models: { id: string }[]
}

describe('a run through a stored AWS Bedrock provider', () => {
  it('answers every case with usage and table cost, records a persistent 429 and a 500, and is listed', async () => {
    // The first case to arrive is refused on every attempt, the second fails on every attempt.
    const doomed = new Map<string, ScriptedFault[]>()
    const server = await startMock({
      apiKey: FAKE_AWS_KEY_ID,
      latencyMs: 5,
      faultsFor: (key) => {
        if (!doomed.has(key) && doomed.size < 2) {
          const fault: ScriptedFault = doomed.size === 0 ? { fault: '429', retryAfterMs: 20 } : '500'
          doomed.set(key, Array<ScriptedFault>(8).fill(fault))
        }
        return doomed.get(key)
      },
    })
    const w = await ownWorkspace(tempHome(), MODEL, {
      rows: 12,
      runner: { env: {}, flushMs: 20, retryPolicy: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } },
    })
    await call(w.core, 'providers.save', {
      name: 'bedrock-eu',
      kind: 'bedrock',
      region: 'eu-central-1',
      baseUrl: server.url,
      concurrency: 4,
    })
    const started = await call<Run>(w.core, 'runs.start', {
      promptVersionIds: w.versionIds,
      models: [MODEL],
      datasetId: w.datasetId,
      useCache: false,
      name: 'bedrock',
    })
    expect(started.priceTable).toMatchObject([
      { ...MODEL, ...PRICE, cachedInputPerMTok: 0.08, source: 'genai-prices' },
    ])
    const run = await settled(w.core, started.id)
    expect(run.counts).toMatchObject({ total: 12, done: 12, errors: 2 })
    const results = await allResults(w.core, run.id)
    const failed = results.filter((r) => r.errorKind !== null)
    expect(failed.map((r) => r.errorKind).sort()).toEqual(['rate_limited', 'server'])
    expect(failed.map((r) => r.errorMessage).join(' ')).toMatch(
      /ThrottlingException.*|InternalServerException/,
    )
    expect(failed.every((r) => r.attempts === 3)).toBe(true)
    const answered = results.filter((r) => r.errorKind === null)
    expect(answered).toHaveLength(10)
    for (const r of answered) {
      expect(r.responseText).toMatch(/^Mock answer /)
      expect(r.inputTokens).toBeGreaterThan(0)
      expect(r.ttftMs).not.toBeNull()
      const expected =
        ((r.inputTokens ?? 0) * PRICE.inputPerMTok + (r.outputTokens ?? 0) * PRICE.outputPerMTok) / 1e6
      expect(r.costUsd).toBeCloseTo(expected, 12)
      expect(r.costUsd).toBeGreaterThan(0)
    }
    expect(server.stats.byApi.bedrock).toBe(server.stats.total)

    const models = await call<ProviderModels[]>(w.core, 'providers.models', {})
    expect(models.find((p) => p.provider === 'bedrock-eu')?.models.map((m) => m.id)).toContain(MODEL.model)
    const card = (await call<WorkspaceScorecard>(w.core, 'scorecard.get', {})).prompts.find(
      (p) => p.name === 'Refund triage',
    )
    expect(JSON.stringify(card)).toContain('bedrock-eu')
    // A Bedrock model id names its version (-v1:0): pinned, not a moving alias.
    expect(card?.criteria.find((c) => c.key === 'pinned_models')).toMatchObject({ met: true })
    w.core.close()
  })
})
