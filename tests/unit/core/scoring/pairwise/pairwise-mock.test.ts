import { describe, expect, it, vi } from 'vitest'
import type { Core } from '../../../../../electron/main/core'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import type { PairwiseCase, PairwiseComparison, PairwiseStart } from '../../../../../shared/domain/pairwise'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import type { Rubric } from '../../../../../shared/domain/scoring'
import { defaultResponder, type MockChatRequest, type MockLlmServer } from '../../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call, demoCore, failure } from '../../core-calls'
import { runToEnd } from '../helpers'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const capitals: Record<string, string> = {
  France: 'Paris',
  Japan: 'Tokyo',
  Kenya: 'Nairobi',
  Peru: 'Lima',
  Canada: 'Ottawa',
  Chile: 'Santiago',
}
/** Model A is wrong on Canada, model B on France; B's call for Chile fails (no output to compare). */
const wrong: Record<string, string> = { 'atlas-a': 'Canada', 'atlas-b': 'France' }

/** What the fake judge does, changeable mid-test. */
const judgeScript = { brokenJapanBa: true, calls: [] as string[] }

const between = (text: string, tag: string): string =>
  text.slice(text.indexOf(`<${tag}>\n`) + tag.length + 3, text.indexOf(`\n</${tag}>`))

function countryOf(text: string): string {
  return Object.keys(capitals).find((c) => text.includes(`<country>\n${c}\n</country>`)) ?? ''
}

/**
 * The judge prefers the right capital; with both right it says tie, except on Peru where it always picks
 * output 1 (position bias). Japan shown B-first gets a non-JSON answer while `brokenJapanBa` holds.
 */
function judge(request: MockChatRequest): string {
  judgeScript.calls.push(request.key)
  const user = request.messages.map((m) => m.text).join('\n')
  const country = countryOf(user)
  if (country === 'Japan' && request.key.endsWith('/ba') && judgeScript.brokenJapanBa) return 'I like both.'
  if (country === 'Peru') return JSON.stringify({ winner: '1', reason: 'The first one.' })
  const right = (tag: string) => between(user, tag).includes(capitals[country] ?? '?')
  const [one, two] = [right('output_1'), right('output_2')]
  const winner = one === two ? 'tie' : one ? '1' : '2'
  return JSON.stringify({ winner, reason: `${country}: ${winner}` })
}

function responder(request: MockChatRequest) {
  if (request.system.startsWith('You are a pairwise evaluation judge.')) return judge(request)
  const text = request.messages.map((m) => m.text).join('\n')
  const country = Object.keys(capitals).find((c) => text.includes(`of ${c}?`))
  if (!country) return defaultResponder(request)
  return JSON.stringify({ capital: wrong[request.model] === country ? 'Lyon' : capitals[country] })
}

interface Setup {
  core: Core
  start: PairwiseStart
  rubric: Rubric
  datasetId: string
}

async function setUp(server: MockLlmServer, chileCase: { id: string }): Promise<Setup> {
  const core = demoCore(tempHome(), {
    seedDemo: false,
    providerSettings: {
      'atlas-lab': { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'test', concurrency: 4 },
      'judge-house': { kind: 'anthropic', baseUrl: server.anthropicBaseUrl, apiKey: 'test', concurrency: 4 },
    },
    runner: { retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 2000 }, flushMs: 10 },
  })
  await call(core, 'prices.save', {
    provider: 'judge-house',
    model: 'arbiter-2',
    inputPerMTok: 1,
    outputPerMTok: 2,
  })
  const dataset = await call<DatasetDetail>(core, 'datasets.create', { name: 'Capitals' })
  for (const [country, capital] of Object.entries(capitals)) {
    const added = await call<{ id: string }>(core, 'cases.add', {
      datasetId: dataset.dataset.id,
      fields: {
        key: country.toLowerCase(),
        vars: { country },
        expected: { capital },
        expectedOutput: null,
        tags: [],
        notes: '',
      },
    })
    if (country === 'Chile') chileCase.id = added.id
  }
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Capitals',
    messages: [
      { role: 'user', content: 'What is the capital of {{country}}? Answer as JSON {"capital": "…"}.' },
    ],
    model: { provider: 'atlas-lab', model: 'atlas-a' },
    params: { temperature: 0, responseFormat: { type: 'json_object' } },
    message: 'First version',
    allowNewVariables: true,
  })
  const rubric = await call<Rubric>(core, 'rubrics.save', {
    key: 'geo',
    name: 'Geography',
    criteria: [
      { key: 'accuracy', name: 'Accurate', scale: { type: 'pass_fail' } },
      { key: 'brevity', name: 'Brief', scale: { type: 'pass_fail' } },
    ],
  })
  const run = await runToEnd(core, {
    promptVersionIds: [prompt.version.id],
    models: [
      { provider: 'atlas-lab', model: 'atlas-a' },
      { provider: 'atlas-lab', model: 'atlas-b' },
    ],
    datasetId: dataset.dataset.id,
  })
  expect(run.status).toBe('completed')
  const slice = (modelId: string) => ({
    runId: run.id,
    promptVersionId: prompt.version.id,
    provider: 'atlas-lab',
    modelId,
  })
  return {
    core,
    rubric,
    datasetId: dataset.dataset.id,
    start: {
      a: slice('atlas-a'),
      b: slice('atlas-b'),
      rubricId: rubric.id,
      criterionKey: 'accuracy',
      judge: { provider: 'judge-house', model: 'arbiter-2' },
    },
  }
}

async function settled(core: Core, id: string): Promise<PairwiseComparison> {
  let last: PairwiseComparison | null = null
  await vi.waitFor(
    async () => {
      last = await call<PairwiseComparison>(core, 'pairwise.get', { id })
      expect(last.status).not.toBe('running')
    },
    { timeout: 20_000, interval: 20 },
  )
  if (!last) throw new Error('never read')
  return last
}

const casesOf = (core: Core, id: string, filter: string) =>
  call<{ total: number; cases: PairwiseCase[] }>(core, 'pairwise.cases', { id, filter })

describe('the pairwise judge through the providers (mock server, real SDKs)', () => {
  it('judges each shared case in both orders, wins only when the orders agree, and resumes failed ones', async () => {
    judgeScript.brokenJapanBa = true
    judgeScript.calls = []
    const chile = { id: '' }
    const server = await startMock({
      responder,
      faultsFor: (key) =>
        chile.id && key.includes(`/${chile.id}/`) && key.includes('/atlas-b/') ? ['500', '500'] : undefined,
    })
    const { core, start } = await setUp(server, chile)
    // Two starts at once (a double click): one comparison, one job.
    const [started, twin] = await Promise.all([
      call<PairwiseComparison>(core, 'pairwise.start', start),
      call<PairwiseComparison>(core, 'pairwise.start', start),
    ])
    expect(twin.id).toBe(started.id)
    expect(started.status).toBe('running')
    const done = await settled(core, started.id)
    expect(done.status).toBe('completed')
    expect(done.summary).toMatchObject({
      cases: 5,
      noOutput: 1,
      judged: 4,
      failed: 1,
      aWins: 1,
      bWins: 1,
      ties: 2,
      inconsistent: 1,
      bWinRate: 0.5,
      judgeCalls: 10,
      unpricedCalls: 0,
    })
    expect(done.summary.judgeCostUsd).toBeGreaterThan(0)
    expect(done.summary.interval?.low).toBeLessThan(0.5)
    expect(done.summary.interval?.high).toBeGreaterThan(0.5)
    expect(judgeScript.calls).toHaveLength(10)

    const peru = (await casesOf(core, done.id, 'inconsistent')).cases
    expect(peru.map((c) => c.caseKey)).toEqual(['peru'])
    expect(peru[0]?.judgments.map((j) => [j.order, j.verdict])).toEqual([
      ['ab', 'a'],
      ['ba', 'b'],
    ])
    expect((await casesOf(core, done.id, 'a')).cases.map((c) => c.caseKey)).toEqual(['france'])
    expect((await casesOf(core, done.id, 'b')).cases.map((c) => c.caseKey)).toEqual(['canada'])
    const japan = (await casesOf(core, done.id, 'failed')).cases[0]
    expect(japan?.judgments.find((j) => j.order === 'ba')?.error).toMatch(
      /did not answer with JSON: "I like both."/,
    )
    const all = await casesOf(core, done.id, 'all')
    expect(all.total).toBe(6)
    expect(all.cases.find((c) => c.caseKey === 'chile')?.b.error).toBeTruthy()

    // Starting again resumes: only Japan shown B-first is asked again.
    judgeScript.brokenJapanBa = false
    const again = await call<PairwiseComparison>(core, 'pairwise.start', start)
    expect(again.id).toBe(done.id)
    const resumed = await settled(core, done.id)
    expect(judgeScript.calls).toHaveLength(11)
    expect(judgeScript.calls.at(-1)).toMatch(/\/japan\/ba$/)
    expect(resumed.summary).toMatchObject({ judged: 5, failed: 0, ties: 3, judgeCalls: 10 })
    const listed = await call<PairwiseComparison[]>(core, 'pairwise.list', { a: start.b, b: start.a })
    expect(listed.map((c) => c.id)).toEqual([done.id])
    core.close()
  })

  it('cancels mid-way keeping what was judged, and a new start asks only the rest', async () => {
    judgeScript.brokenJapanBa = false
    judgeScript.calls = []
    const server = await startMock({ responder })
    const { core, start } = await setUp(server, { id: '' })
    server.setBehavior({ latencyMs: 300 })
    const brevity = { ...start, criterionKey: 'brevity' }
    const started = await call<PairwiseComparison>(core, 'pairwise.start', brevity)
    const cancelled = await call<PairwiseComparison>(core, 'pairwise.cancel', { id: started.id })
    expect(cancelled.status).toBe('cancelled')
    const before = (await casesOf(core, started.id, 'all')).cases.flatMap((c) => c.judgments)
    expect(before.every((j) => j.verdict !== null)).toBe(true)
    expect(before.length).toBeLessThan(12)
    server.setBehavior({ latencyMs: 0 })
    const asked = judgeScript.calls.length
    await call(core, 'pairwise.start', brevity)
    const done = await settled(core, started.id)
    expect(done.summary).toMatchObject({ cases: 6, judged: 6, failed: 0, judgeCalls: 12 })
    expect(judgeScript.calls.length - asked).toBe(12 - before.length)
    core.close()
  })

  it('refuses the same slice twice, an unknown criterion and a judge model nobody can call', async () => {
    const server = await startMock({ responder })
    const { core, start } = await setUp(server, { id: '' })
    expect((await failure(core, 'pairwise.start', { ...start, b: start.a })).message).toMatch(
      /two different slices/,
    )
    expect((await failure(core, 'pairwise.start', { ...start, criterionKey: 'tone' })).message).toMatch(
      /Rubric "Geography" v1 has no criterion "tone"/,
    )
    const nobody = await failure(core, 'pairwise.start', {
      ...start,
      judge: { provider: 'nowhere', model: 'x' },
    })
    expect(nobody.message).toMatch(/judge model nowhere\/x cannot be called/)
    core.close()
  })

  it('refuses two runs on different dataset snapshots: their cases are not the same', async () => {
    const server = await startMock({ responder })
    const { core, start, datasetId } = await setUp(server, { id: '' })
    await call(core, 'cases.add', {
      datasetId,
      fields: {
        key: 'italy',
        vars: { country: 'Italy' },
        expected: { capital: 'Rome' },
        expectedOutput: null,
        tags: [],
        notes: '',
      },
    })
    const later = await runToEnd(
      core,
      {
        promptVersionIds: [start.b.promptVersionId],
        models: [{ provider: 'atlas-lab', model: 'atlas-b' }],
        datasetId,
      },
      'After Italy',
    )
    const refused = await failure(core, 'pairwise.start', { ...start, b: { ...start.b, runId: later.id } })
    expect(refused.code).toBe('INVALID_INPUT')
    expect(refused.message).toMatch(/Runs "scoring test" and "After Italy" used different dataset snapshots/)
    core.close()
  })
})
