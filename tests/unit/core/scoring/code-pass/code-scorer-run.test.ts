import { describe, expect, it } from 'vitest'
import type { RunSummary, Score } from '../../../../../shared/domain/scoring'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { codeRunSetup, codeScorer, metricOf, queues, saveScorers, triageResponder } from './setup'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const routing = `(output, { vars, expected, metadata }) => {
  const answer = JSON.parse(output)
  const routed = answer.queue === expected.queue
  return {
    pass: routed && answer.priority <= expected.maxPriority,
    score: routed ? 1 : 0,
    reason: metadata.caseKey + ' (' + vars.tier + ') went to ' + answer.queue + ', expected ' + expected.queue,
  }
}`
const facts = `function score(output, { metadata, toolCalls }) {
  return { score: metadata.latencyMs === null ? 0 : 1, reason: metadata.provider + '/' + metadata.model + ' ' + metadata.tags.join(',') + ' ' + toolCalls.length }
}`

/** What the routing scorer must give case n: the model misroutes n ≡ 3 (mod 10) unless that is sales. */
function expectedRouting(cases: number): number {
  let routed = 0
  for (let n = 0; n < cases; n++) {
    const expected = queues[n % queues.length]
    const answered = n % 10 === 3 ? 'sales' : expected
    if (answered === expected) routed++
  }
  return routed / cases
}

async function scoresOf(core: Parameters<typeof call>[0], runId: string, metric: string): Promise<Score[]> {
  const out: Score[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await call<{ total: number; scores: Score[] }>(core, 'runs.scores', {
      runId,
      metric,
      offset,
      limit: 1000,
    })
    out.push(...page.scores)
    if (out.length >= page.total) return out
  }
}

describe('code scorers in the scoring pass (mock server run, real SDKs)', () => {
  it('scores a 500-result run reading vars and expected; re-scoring gives the same scores with no model call', async () => {
    const server = await startMock({ responder: triageResponder })
    const { core, repos, runId, promptId, close } = await codeRunSetup(tempHome(), server, 250)
    expect(server.stats.total).toBe(500)
    await saveScorers(core, promptId, [codeScorer('code.routing', routing), codeScorer('code.facts', facts)])

    const first = await call<RunSummary>(core, 'runs.score', { runId })
    const share = expectedRouting(250)
    expect(share).toBeLessThan(1)
    for (const slice of [0, 1]) {
      expect(metricOf(first, 'code.routing', slice)).toMatchObject({ kind: 'mean', n: 250 })
      expect(metricOf(first, 'code.routing', slice)?.value).toBeCloseTo(share, 10)
      expect(metricOf(first, 'code.facts', slice)).toMatchObject({ n: 250, value: 1 })
    }
    const scores = await scoresOf(core, runId, 'code.routing')
    expect(scores).toHaveLength(500)
    expect(scores.every((s) => s.source === 'code' && s.value !== null)).toBe(true)
    const caseIds = new Map(
      repos.snapshots.allCases(repos.runs.get(runId)?.datasetSnapshotId ?? '').map((c) => [c.id, c.key]),
    )
    const t13 = scores.find((s) => caseIds.get(s.caseId) === 'T-13')
    expect(t13).toMatchObject({
      value: 0,
      passed: false,
      reason: 'T-13 (pro) went to sales, expected shipping',
    })
    const factReasons = new Set(
      (await scoresOf(core, runId, 'code.facts')).map((s) => s.reason.split(' ')[0]),
    )
    expect(factReasons).toEqual(new Set(['acme-gateway/acme-router-7b', 'acme-claude/claude-haiku-acme']))

    const rows = repos.runScores.count(runId)
    expect(rows).toBe(1000)
    const again = await call<RunSummary>(core, 'runs.score', { runId })
    expect(server.stats.total).toBe(500)
    expect(repos.runScores.count(runId)).toBe(rows)
    expect(again).toEqual(first)
    expect(repos.scoreCalls.list(runId)).toEqual([])
    close()
  }, 300_000)

  it('a changed scorer adds its own scores; the unchanged one is skipped', async () => {
    const server = await startMock({ responder: triageResponder })
    const { core, repos, runId, promptId, close } = await codeRunSetup(tempHome(), server, 10)
    await saveScorers(core, promptId, [codeScorer('code.routing', routing)])
    await call(core, 'runs.score', { runId })
    expect(repos.runScores.count(runId)).toBe(20)
    const stricter = routing.replace('routed ? 1 : 0', 'routed && answer.priority < 2 ? 1 : 0')
    await saveScorers(core, promptId, [
      codeScorer('code.routing', routing),
      codeScorer('code.strict', stricter),
    ])
    const summary = await call<RunSummary>(core, 'runs.score', { runId })
    expect(repos.runScores.count(runId)).toBe(40)
    expect(metricOf(summary, 'code.strict')?.n).toBe(10)
    expect(server.stats.total).toBe(20)
    close()
  }, 300_000)

  it("the editor's test panel gives a stored result the same input and score as the scoring pass", async () => {
    const server = await startMock({ responder: triageResponder })
    const { core, repos, runId, promptId, close } = await codeRunSetup(tempHome(), server, 4)
    const echo = '(output, context) => ({ score: 1, reason: JSON.stringify(context) })'
    await saveScorers(core, promptId, [codeScorer('code.routing', routing), codeScorer('code.echo', echo)])
    await call(core, 'runs.score', { runId })
    for (const stored of repos.runScores.list(runId, { metric: 'code.routing', provider: 'acme-claude' })) {
      const result = {
        caseId: stored.caseId,
        promptVersionId: stored.promptVersionId,
        provider: stored.provider,
        modelId: stored.modelId,
        repeat: stored.repeat,
      }
      const limits = { timeLimitMs: 250, memoryLimitMb: 16, runId, result }
      const tried = await call<{ outcome: Record<string, unknown>; input: { context: unknown } }>(
        core,
        'suites.tryCodeScorer',
        { source: routing, ...limits },
      )
      expect(tried.outcome).toEqual({
        value: stored.value,
        raw: stored.raw,
        passed: stored.passed,
        reason: stored.reason,
      })
      const [seen] = repos.runScores.list(runId, { metric: 'code.echo', ...result })
      expect(JSON.parse(seen?.reason ?? 'null')).toEqual(tried.input.context)
    }
    expect(server.stats.total).toBe(8)
    close()
  }, 300_000)
})
