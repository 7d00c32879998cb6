import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../shared/domain/runs'
import type { Rubric, RunSummary } from '../../../../shared/domain/scoring'
import { defaultResponder, type MockChatRequest, type MockLlmServer } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, promptNamed } from '../core-calls'
import { ownWorkspace, settled, type OwnWorkspace } from '../runs/own-provider'

/**
 * One provider, three callers at once: two runs and a judge scoring a third run, all on the user's own
 * OpenAI-compatible gateway. The provider's concurrency and requests per minute bound them together, as the
 * server counts them, because the core keeps one lane per provider however many runs and judges use it.
 */

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const provider = 'team-gateway'
const model = { provider, model: 'acme-chat-8b' }
const judge = { provider, model: 'acme-judge-8b' }
const cases = 12

/** Judge prompts get a score; everything else the mock's default answer. */
function responder(request: MockChatRequest) {
  if (request.system.startsWith('You are an evaluation judge.')) return '{"score": 4, "reason": "Clear."}'
  return defaultResponder(request)
}

interface Limits {
  concurrency: number
  requestsPerMinute?: number
}

/** The user's workspace: their provider in Settings, their tickets and prompt, a suite with a judge. */
async function workspace(server: MockLlmServer, limits: Limits): Promise<OwnWorkspace> {
  const ws = await ownWorkspace(tempHome(), model, { rows: cases, runner: { env: {}, flushMs: 10 } })
  await call(ws.core, 'providers.save', {
    name: provider,
    kind: 'openai-compatible',
    baseUrl: server.openaiBaseUrl,
    ...limits,
  })
  const rubric = await call<Rubric>(ws.core, 'rubrics.save', {
    key: 'triage',
    name: 'Triage quality',
    criteria: [{ key: 'helpful', name: 'Helpful', scale: { type: 'likert', min: 1, max: 5 } }],
  })
  const prompt = await promptNamed(ws.core, 'Refund triage')
  await call(ws.core, 'suites.save', {
    promptId: prompt.prompt.id,
    message: 'Judge only',
    suite: {
      scorers: [
        {
          metric: 'judge.helpful',
          label: 'Helpful (judge)',
          config: { kind: 'judge', rubricId: rubric.id, criterionKey: 'helpful', model: judge, samples: 1 },
        },
      ],
      gates: [],
    },
  })
  return ws
}

const plan = (ws: OwnWorkspace, name: string) => ({
  name,
  promptVersionIds: ws.versionIds,
  models: [model],
  datasetId: ws.datasetId,
  useCache: false,
})

/** Runs A and B start together while the judge scores run C (completed beforehand). */
async function threeCallersAtOnce(ws: OwnWorkspace, server: MockLlmServer): Promise<number[]> {
  const third = await call<Run>(ws.core, 'runs.start', plan(ws, 'C'))
  expect((await settled(ws.core, third.id)).status).toBe('completed')
  server.stats.reset()
  const [a, b] = await Promise.all([
    call<Run>(ws.core, 'runs.start', plan(ws, 'A')),
    call<Run>(ws.core, 'runs.start', plan(ws, 'B')),
  ])
  const [runA, runB, summary] = await Promise.all([
    settled(ws.core, a.id),
    settled(ws.core, b.id),
    call<RunSummary>(ws.core, 'runs.score', { runId: third.id }),
  ])
  expect([runA.status, runB.status]).toEqual(['completed', 'completed'])
  expect([runA.counts.errors, runB.counts.errors]).toEqual([0, 0])
  const judged = summary.slices[0]?.metrics.find((m) => m.metric === 'judge.helpful')
  expect(judged?.n).toBe(cases)
  expect(server.stats.byModel).toEqual({ [model.model]: 2 * cases, [judge.model]: cases })
  return Object.values(server.stats.snapshot().attempts)
    .flat()
    .sort((x, y) => x - y)
}

/** The shortest time in which `count` consecutive requests arrived, as the server stamped them. */
function tightestSpan(arrivals: readonly number[], count: number): number {
  let tightest = Number.POSITIVE_INFINITY
  for (let i = 0; i + count - 1 < arrivals.length; i++) {
    tightest = Math.min(tightest, (arrivals[i + count - 1] as number) - (arrivals[i] as number))
  }
  return Math.round(tightest)
}

const perMinute = (arrivals: readonly number[]): number =>
  Math.round(((arrivals.length - 1) * 60_000) / ((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)))

const report = (server: MockLlmServer, arrivals: readonly number[]): string =>
  `max in flight ${server.stats.maxInFlight}, 21 arrivals in no less than ${tightestSpan(arrivals, 21)} ms, ` +
  `${perMinute(arrivals)} a minute overall`

describe('one lane per provider, shared by runs and judges', () => {
  it('never has more than the provider’s 4 calls in flight at the server', async () => {
    // Slow answers and no rate: concurrency is what bounds the three callers.
    const server = await startMock({ responder, latencyMs: 250, seed: 17 })
    const ws = await workspace(server, { concurrency: 4 })
    const arrivals = await threeCallersAtOnce(ws, server)
    console.log(report(server, arrivals))
    expect(server.stats.maxInFlight).toBe(4)
    ws.core.close()
  }, 30_000)

  it('keeps the three callers together within the provider’s requests per minute', async () => {
    // 1,200 a minute is one call every 50 ms; fast answers, so the rate is what bounds the callers.
    const server = await startMock({ responder, latencyMs: 20, seed: 17 })
    const ws = await workspace(server, { concurrency: 4, requestsPerMinute: 1200 })
    const arrivals = await threeCallersAtOnce(ws, server)
    console.log(report(server, arrivals))
    expect(arrivals).toHaveLength(3 * cases)
    // At 1,200 a minute sends are 50 ms apart: 21 arrivals take 20 gaps, 1 s. Pacing spaces the reserved send
    // times, so a send the event loop delays shortens the gap after it: allow a busy machine 250 ms of that.
    expect(tightestSpan(arrivals, 21)).toBeGreaterThanOrEqual(20 * 50 - 250)
    expect(tightestSpan(arrivals, arrivals.length)).toBeGreaterThanOrEqual((arrivals.length - 1) * 50 - 250)
    ws.core.close()
  }, 30_000)
})
