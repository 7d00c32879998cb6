import { describe, expect, it, vi } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetDetail } from '../../../../shared/domain/datasets'
import type { PlaygroundProgress, PlaygroundSession } from '../../../../shared/domain/playground'
import type { PromptDetail, PromptVersion } from '../../../../shared/domain/prompts'
import type { Run, RunResultPage } from '../../../../shared/domain/runs'
import type { RunSummary, Scorer } from '../../../../shared/domain/scoring'
import { defaultResponder, type MockChatRequest, type MockLlmServer } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const capitals: Record<string, string> = { France: 'Paris', Japan: 'Tokyo', Canada: 'Ottawa' }
/** Two models of our own through two providers of our own: an OpenAI-kind and an Anthropic-kind one. */
const gpt = { provider: 'acme-gpt', model: 'acme-chat-1' }
const claude = { provider: 'claude-box', model: 'claude-lab-7' }

/** Answers the capital as JSON (Canada wrongly) so format passes everywhere and the rule fails once a model. */
function responder(request: MockChatRequest) {
  const text = request.messages.map((m) => m.text).join('\n')
  const country = Object.keys(capitals).find((c) => text.includes(c))
  if (!country) return defaultResponder(request)
  // Spaced JSON: the mock streams a word a piece, so the answer arrives in several deltas.
  return `{ "capital": "${country === 'Canada' ? 'Toronto' : (capitals[country] ?? '')}" }`
}

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
    metric: 'code.short',
    label: 'Short answer',
    config: {
      kind: 'code',
      source: 'function score(output) { return output.length < 40 }',
      timeLimitMs: 2000,
      memoryLimitMb: 16,
    },
  },
]

interface Setup {
  core: Core
  prompt: PromptDetail
  datasetId: string
  caseIds: string[]
  events: PlaygroundProgress[]
}

async function setUp(server: MockLlmServer): Promise<Setup> {
  const core = demoCore(tempHome(), {
    seedDemo: false,
    providerSettings: {
      'acme-gpt': { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'test', concurrency: 1 },
      'claude-box': { kind: 'anthropic', baseUrl: server.anthropicBaseUrl, apiKey: 'test', concurrency: 2 },
    },
    runner: { retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 5000 } },
  })
  // Only the Anthropic-kind model has a price: the other's cost must stay unknown.
  await call(core, 'prices.save', {
    provider: claude.provider,
    model: claude.model,
    inputPerMTok: 3,
    outputPerMTok: 15,
  })
  const dataset = await call<DatasetDetail>(core, 'datasets.create', { name: 'Capitals' })
  const caseIds: string[] = []
  for (const [country, capital] of Object.entries(capitals)) {
    const c = await call<{ id: string }>(core, 'cases.add', {
      datasetId: dataset.dataset.id,
      fields: {
        key: country.toLowerCase(),
        vars: { country },
        expected: { capital },
        expectedOutput: null,
        tags: ['geo'],
        notes: '',
      },
    })
    caseIds.push(c.id)
  }
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Capitals',
    messages: [
      { role: 'user', content: 'What is the capital of {{country}}? Answer as JSON {"capital": "…"}.' },
    ],
    model: gpt,
    params: { temperature: 0, responseFormat: { type: 'json_object' } },
    message: 'First version',
    allowNewVariables: true,
  })
  await call(core, 'suites.save', {
    promptId: prompt.prompt.id,
    suite: { scorers, gates: [] },
    message: 'Fast checks',
  })
  const events: PlaygroundProgress[] = []
  core.bus.subscribe((event, payload) => {
    if (event === 'playground.progress') events.push(payload as PlaygroundProgress)
  })
  return { core, prompt, datasetId: dataset.dataset.id, caseIds, events }
}

function finished(core: Core, sessionId: string): Promise<PlaygroundSession> {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as PlaygroundProgress
      if (event !== 'playground.progress' || p.sessionId !== sessionId || p.status === 'running') return
      stop()
      void call<PlaygroundSession>(core, 'playground.get', { sessionId }).then(resolve)
    })
  })
}

describe('the playground through the gateway (mock server, real SDKs)', () => {
  it('answers 2 cases × 2 models with streamed text, tokens, cost (unknown stays null), latency and fast scores', async () => {
    const server = await startMock({ responder })
    const { core, prompt, datasetId, caseIds, events } = await setUp(server)
    const started = await call<PlaygroundSession>(core, 'playground.start', {
      promptVersionId: prompt.version.id,
      cases: { kind: 'dataset', datasetId, caseIds: [caseIds[0], caseIds[2]] },
      models: [gpt, claude],
    })
    expect(started.cells.map((c) => `${c.caseKey}/${c.model.provider}`)).toEqual([
      'france/acme-gpt',
      'france/claude-box',
      'canada/acme-gpt',
      'canada/claude-box',
    ])
    const session = started.status === 'running' ? await finished(core, started.id) : started
    expect(session.status).toBe('done')
    expect(server.stats.total).toBe(4)
    const [franceGpt, franceClaude, canadaGpt, canadaClaude] = session.cells
    expect(franceGpt).toMatchObject({
      status: 'done',
      text: '{ "capital": "Paris" }',
      costUsd: null,
      cached: false,
    })
    expect(franceGpt?.inputTokens).toBeGreaterThan(0)
    expect(franceGpt?.latencyMs).toBeGreaterThanOrEqual(0)
    const expected = ((franceClaude?.inputTokens ?? 0) * 3 + (franceClaude?.outputTokens ?? 0) * 15) / 1e6
    expect(franceClaude?.costUsd).toBeCloseTo(expected, 12)
    const verdicts = (cell: typeof franceGpt) => cell?.scores.map((s) => `${s.metric}:${String(s.passed)}`)
    expect(verdicts(franceGpt)).toEqual(['format.json:true', 'rule.capital:true', 'code.short:true'])
    expect(verdicts(canadaClaude)).toEqual(['format.json:true', 'rule.capital:false', 'code.short:true'])
    expect(canadaGpt?.scores.find((s) => s.metric === 'rule.capital')?.reason).toMatch(/Toronto/)
    // The text streamed in pieces before each answer's final state, for both SDKs.
    for (const index of [0, 1]) {
      const deltas = events.filter(
        (e) => e.sessionId === session.id && e.index === index && e.delta !== undefined,
      )
      expect(deltas.length).toBeGreaterThan(1)
      expect(deltas.map((e) => e.delta).join('')).toBe(session.cells[index]?.text)
    }
    core.close()
  }, 30_000)

  it('saves the answers as a small run the summary reads; the same request again comes from the cache', async () => {
    const server = await startMock({ responder })
    const { core, prompt, datasetId, caseIds } = await setUp(server)
    const start = {
      promptVersionId: prompt.version.id,
      cases: { kind: 'dataset', datasetId, caseIds: [caseIds[0], caseIds[2]] },
      models: [gpt, claude],
    }
    const first = await call<PlaygroundSession>(core, 'playground.start', start)
    await finished(core, first.id)
    const run = await call<Run>(core, 'playground.save', { sessionId: first.id })
    expect(run).toMatchObject({ status: 'completed', counts: { total: 4, done: 4, errors: 0 } })
    expect(run.plan.promptVersionIds).toEqual([prompt.version.id])
    const page = await call<RunResultPage>(core, 'runs.results', { runId: run.id })
    expect(page.total).toBe(4)
    expect(page.results.find((r) => r.provider === gpt.provider)?.costUsd).toBeNull()
    const summary = await call<RunSummary>(core, 'runs.summary', { runId: run.id })
    const slice = summary.slices.find((s) => s.provider === claude.provider)
    expect(slice?.metrics.find((m) => m.metric === 'rule.capital')).toMatchObject({ n: 2, value: 0.5 })
    expect((await failure(core, 'playground.save', { sessionId: first.id })).code).toBe('CONFLICT')
    const again = await call<PlaygroundSession>(core, 'playground.start', start)
    const cached = await finished(core, again.id)
    expect(server.stats.total).toBe(4)
    expect(cached.cells.every((c) => c.cached && c.costUsd === 0)).toBe(true)
    core.close()
  }, 30_000)

  it('unsaved edits: saving needs the version they became, exactly; typed variables get a dataset of their own', async () => {
    const server = await startMock({ responder })
    const { core, prompt } = await setUp(server)
    const draft = {
      messages: [{ role: 'user' as const, content: 'Capital of {{country}}? JSON {"capital": "…"} only.' }],
      params: { temperature: 0, responseFormat: { type: 'json_object' as const } },
    }
    const session = await call<PlaygroundSession>(core, 'playground.start', {
      promptVersionId: prompt.version.id,
      draft,
      cases: { kind: 'typed', vars: [{ country: 'Japan' }] },
      models: [claude],
    })
    const done = await finished(core, session.id)
    expect(done).toMatchObject({
      fromDraft: true,
      cells: [{ status: 'done', text: '{ "capital": "Tokyo" }' }],
    })
    // Typed cases have no expected field: the rule cannot score them, and says so.
    expect(done.cells[0]?.scores.find((s) => s.metric === 'rule.capital')?.passed).toBeNull()
    const unsaved = await failure(core, 'playground.save', { sessionId: session.id })
    expect(unsaved.message).toMatch(/save the edits as a version first/)
    const other = await call<PromptVersion>(core, 'prompts.saveVersion', {
      promptId: prompt.prompt.id,
      baseVersionId: prompt.version.id,
      messages: [{ role: 'user', content: 'Something else about {{country}}' }],
      message: 'Not what ran',
    })
    expect(
      (await failure(core, 'playground.save', { sessionId: session.id, promptVersionId: other.id })).message,
    ).toMatch(/v2 is not what the playground ran/)
    const saved = await call<PromptVersion>(core, 'prompts.saveVersion', {
      promptId: prompt.prompt.id,
      baseVersionId: other.id,
      messages: draft.messages,
      params: draft.params,
      message: 'Shorter ask',
    })
    const run = await call<Run>(core, 'playground.save', { sessionId: session.id, promptVersionId: saved.id })
    expect(run.plan.promptVersionIds).toEqual([saved.id])
    const dataset = await call<DatasetDetail>(core, 'datasets.get', { id: run.plan.datasetId })
    expect(dataset.dataset.name).toBe('Playground · Capitals')
    core.close()
  }, 30_000)

  it('keeps within the provider lane (concurrency 1) and cancels the calls still out; nothing to save then', async () => {
    const server = await startMock({ responder, latencyMs: 300 })
    const { core, prompt, datasetId, caseIds } = await setUp(server)
    const session = await call<PlaygroundSession>(core, 'playground.start', {
      promptVersionId: prompt.version.id,
      cases: { kind: 'dataset', datasetId, caseIds },
      models: [gpt],
    })
    await vi.waitFor(() => expect(server.stats.inFlight).toBe(1))
    const cancelled = await call<PlaygroundSession>(core, 'playground.cancel', { sessionId: session.id })
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.cells.map((c) => c.status)).toEqual(['cancelled', 'cancelled', 'cancelled'])
    // acme-gpt allows one call at a time: the other two waited for its slot and were never sent.
    expect(server.stats.maxInFlight).toBe(1)
    expect(server.stats.total).toBe(1)
    expect((await failure(core, 'playground.save', { sessionId: session.id })).message).toMatch(
      /No answer came back/,
    )
    core.close()
  }, 30_000)

  it('refuses more than 5 cases or 4 models, and an unknown provider before calling anything', async () => {
    const server = await startMock({ responder })
    const { core, prompt } = await setUp(server)
    const typed = (n: number) => ({
      kind: 'typed',
      vars: Array.from({ length: n }, () => ({ country: 'Peru' })),
    })
    const base = { promptVersionId: prompt.version.id }
    expect(
      (await failure(core, 'playground.start', { ...base, cases: typed(6), models: [gpt] })).message,
    ).toMatch(/at most 5/)
    const five = Array.from({ length: 5 }, (_, i) => ({ provider: gpt.provider, model: `m${i}` }))
    expect(
      (await failure(core, 'playground.start', { ...base, cases: typed(1), models: five })).message,
    ).toMatch(/at most 4/)
    const unknown = await failure(core, 'playground.start', {
      ...base,
      cases: typed(1),
      models: [{ provider: 'nowhere', model: 'x' }],
    })
    expect(unknown.message).toMatch(/nowhere/)
    expect(server.stats.total).toBe(0)
    core.close()
  }, 30_000)
})
