import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import { openConnection } from '../../../../electron/main/core/db/connection'
import { createRepos, type Repos } from '../../../../electron/main/core/db/repos'
import type { DatasetDetail } from '../../../../shared/domain/datasets'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { EvalSuite, Rubric, RunSummary, Scorer } from '../../../../shared/domain/scoring'
import { defaultResponder, type MockChatRequest, type MockLlmServer } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { runToEnd } from './helpers'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const capitals: Record<string, string> = {
  France: 'Paris',
  Japan: 'Tokyo',
  Kenya: 'Nairobi',
  Peru: 'Lima',
  Canada: 'Ottawa',
}
/** The judge's three samples disagree (3, 5, 4): the median is 4. */
const sampleScores = [3, 5, 4]

/** Evaluated calls answer the capital (Canada wrongly); judge calls answer by sample index. */
function responder(request: MockChatRequest) {
  if (request.system.startsWith('You are an evaluation judge.')) {
    const sample = Number(request.key.split('/').at(-1))
    return JSON.stringify({ score: sampleScores[sample] ?? 1, reason: `sample ${sample}` })
  }
  const text = request.messages.map((m) => m.text).join('\n')
  const country = Object.keys(capitals).find((c) => text.includes(c))
  if (!country) return defaultResponder(request)
  return JSON.stringify({ capital: country === 'Canada' ? 'Toronto' : capitals[country] })
}

interface Setup {
  core: Core
  repos: Repos
  runId: string
  suite: EvalSuite
  close: () => void
}

async function setUp(server: MockLlmServer): Promise<Setup> {
  const home = tempHome()
  const core = demoCore(home, {
    seedDemo: false,
    providerSettings: {
      openai: { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'test', concurrency: 4 },
      anthropic: { kind: 'anthropic', baseUrl: server.anthropicBaseUrl, apiKey: 'test', concurrency: 4 },
    },
    runner: { retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 2000 }, flushMs: 10 },
  })
  await call(core, 'prices.save', {
    provider: 'anthropic',
    model: 'claude-3-5-haiku-latest',
    inputPerMTok: 1,
    outputPerMTok: 2,
  })
  const dataset = await call<DatasetDetail>(core, 'datasets.create', { name: 'Capitals' })
  for (const [country, capital] of Object.entries(capitals)) {
    await call(core, 'cases.add', {
      datasetId: dataset.dataset.id,
      fields: { vars: { country }, expected: { capital }, expectedOutput: null, tags: ['geo'], notes: '' },
    })
  }
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Capitals',
    messages: [
      { role: 'user', content: 'What is the capital of {{country}}? Answer as JSON {"capital": "…"}.' },
    ],
    model: { provider: 'openai', model: 'gpt-4o-mini' },
    params: { temperature: 0, responseFormat: { type: 'json_object' } },
    message: 'First version',
    allowNewVariables: true,
  })
  const rubric = await call<Rubric>(core, 'rubrics.save', {
    key: 'geo',
    name: 'Geography',
    criteria: [{ key: 'accuracy', name: 'Accurate', scale: { type: 'likert', min: 1, max: 5 } }],
  })
  const scorers: Scorer[] = [
    { metric: 'format.json', label: 'JSON', config: { kind: 'format', format: { check: 'json' } } },
    {
      metric: 'rule.capital',
      label: 'Capital',
      config: {
        kind: 'rule',
        rule: { op: 'equals', path: 'capital', expectedField: 'capital', ignoreCase: true },
      },
    },
    {
      metric: 'judge.accuracy',
      label: 'Accurate (judge)',
      config: {
        kind: 'judge',
        rubricId: rubric.id,
        criterionKey: 'accuracy',
        model: { provider: 'anthropic', model: 'claude-3-5-haiku-latest' },
        samples: 3,
      },
    },
  ]
  const suite = await call<EvalSuite>(core, 'suites.save', {
    promptId: prompt.prompt.id,
    suite: { scorers, gates: [] },
    message: 'Capitals suite',
  })
  const run = await runToEnd(core, {
    promptVersionIds: [prompt.version.id],
    models: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    datasetId: dataset.dataset.id,
  })
  expect(run.status).toBe('completed')
  const db = openConnection(join(home, 'evallab.db'))
  const close = (): void => {
    db.close()
    core.close()
  }
  return { core, repos: createRepos(db), runId: run.id, suite, close }
}

const metric = (summary: RunSummary, name: string) =>
  summary.slices[0]?.metrics.find((m) => m.metric === name)

describe('judges through the providers (mock server, real SDKs)', () => {
  it('records every judge call with tokens and cost, once, and scores the median of the samples', async () => {
    const server = await startMock({ responder })
    const { core, repos, runId, close } = await setUp(server)
    expect(server.stats.byModel['gpt-4o-mini']).toBe(5)
    // Two scorings at once: the second waits for the first and finds everything scored.
    const [summary, twin] = await Promise.all([
      call<RunSummary>(core, 'runs.score', { runId }),
      call<RunSummary>(core, 'runs.score', { runId }),
    ])
    expect(twin).toEqual(summary)
    expect(metric(summary, 'format.json')).toMatchObject({ kind: 'pass_rate', n: 5, value: 1 })
    expect(metric(summary, 'rule.capital')).toMatchObject({ kind: 'pass_rate', n: 5, value: 0.8 })
    expect(metric(summary, 'judge.accuracy')).toMatchObject({ kind: 'mean', n: 5, value: 0.75 })
    const calls = repos.scoreCalls.list(runId)
    expect(calls).toHaveLength(15)
    expect(server.stats.byModel['claude-3-5-haiku-latest']).toBe(15)
    for (const c of calls) {
      expect(c).toMatchObject({
        judgeProvider: 'anthropic',
        judgeModel: 'claude-3-5-haiku-latest',
        attempts: 1,
      })
      expect(c.errorMessage).toBeNull()
      const expectedCost = ((c.inputTokens ?? 0) * 1 + (c.outputTokens ?? 0) * 2) / 1_000_000
      expect(c.costUsd).toBeCloseTo(expectedCost, 12)
      expect(c.costUsd).toBeGreaterThan(0)
      expect(c.totalMs).not.toBeNull()
    }
    const judgeCost = calls.reduce((sum, c) => sum + (c.costUsd ?? 0), 0)
    expect(summary.slices[0]?.judgeCostUsd).toBeCloseTo(judgeCost, 12)
    const page = await call<{ total: number; scores: { reason: string; raw: number }[] }>(
      core,
      'runs.scores',
      {
        runId,
        metric: 'judge.accuracy',
      },
    )
    expect(page.total).toBe(5)
    expect(page.scores[0]).toMatchObject({ raw: 4, reason: 'Median of 3 samples: 4. sample 2' })
    close()
  }, 30_000)

  it('re-scoring calls no model at all; a changed scorer adds its own scores and calls only its judge', async () => {
    const server = await startMock({ responder })
    const { core, repos, runId, suite, close } = await setUp(server)
    const first = await call<RunSummary>(core, 'runs.score', { runId })
    const requests = server.stats.total
    const again = await call<RunSummary>(core, 'runs.score', { runId })
    expect(server.stats.total).toBe(requests)
    expect(again).toEqual(first)
    expect(repos.runScores.count(runId)).toBe(15)

    const [format, rule, judge] = suite.scorers
    if (!format || !rule || judge?.config.kind !== 'judge') throw new Error('suite missing')
    const contains: Scorer = {
      metric: 'rule.mentions_capital',
      label: 'Mentions the capital',
      config: {
        kind: 'rule',
        rule: { op: 'contains', path: '', expectedField: 'capital', ignoreCase: true },
      },
    }
    const oneSample: Scorer = { ...judge, config: { ...judge.config, samples: 1 } }
    await call(core, 'suites.save', {
      promptId: suite.promptId,
      suite: { scorers: [format, rule, oneSample, contains], gates: [] },
      message: 'One judge sample; a contains rule',
    })
    const changed = await call<RunSummary>(core, 'runs.score', { runId })
    expect(server.stats.byModel['gpt-4o-mini']).toBe(5)
    expect(server.stats.total).toBe(requests + 5)
    expect(repos.runScores.count(runId)).toBe(15 + 5 + 5)
    expect(metric(changed, 'rule.mentions_capital')).toMatchObject({ n: 5, value: 0.8 })
    // Only the new judge's scores count now: its one sample says 3 → (3 − 1) / 4.
    expect(metric(changed, 'judge.accuracy')).toMatchObject({ n: 5, value: 0.5 })
    close()
  }, 30_000)

  it('a judge that keeps failing leaves the score null with the error, and the next scoring retries it', async () => {
    const server = await startMock({
      responder,
      faultsFor: (key) => (key.includes('/judge/') ? ['500', '500'] : undefined),
    })
    const { core, repos, runId, close } = await setUp(server)
    const failing = await call<RunSummary>(core, 'runs.score', { runId })
    expect(metric(failing, 'judge.accuracy')).toMatchObject({ n: 0, value: null, ci95: null })
    const page = await call<{ scores: { value: number | null; reason: string }[] }>(core, 'runs.scores', {
      runId,
      metric: 'judge.accuracy',
    })
    expect(page.scores).toHaveLength(5)
    expect(page.scores[0]?.value).toBeNull()
    expect(page.scores[0]?.reason).toMatch(/^The judge failed: the judge call failed: /)
    expect(repos.scoreCalls.list(runId).every((c) => c.attempts === 2 && c.errorMessage !== null)).toBe(true)

    server.setBehavior({ faultsFor: () => undefined })
    const retried = await call<RunSummary>(core, 'runs.score', { runId })
    expect(metric(retried, 'judge.accuracy')).toMatchObject({ n: 5, value: 0.75 })
    expect(repos.runScores.count(runId, { metric: 'judge.accuracy' })).toBe(5)
    close()
  }, 30_000)
})
