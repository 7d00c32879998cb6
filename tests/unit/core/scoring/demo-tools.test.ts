import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { RunResult } from '../../../../shared/domain/runs'
import type { GateResult, RunSummary, Score, SliceSummary } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'
import { runToEnd } from './helpers'

const tempHome = useTempHomes()

const value = (slice: SliceSummary | undefined, metric: string) =>
  slice?.metrics.find((m) => m.metric === metric)?.value

async function routingDatasetId(core: Core): Promise<string> {
  const datasets = await call<DatasetSummary[]>(core, 'datasets.list', {})
  const routing = datasets.find((d) => d.name === 'Triage routing conversations')
  if (!routing) throw new Error('the demo routing dataset is missing')
  return routing.id
}

async function runRouter(core: Core, number: number, model: string) {
  const detail = await promptNamed(core, 'Triage router')
  const id = detail.versions.find((v) => v.number === number)?.id ?? ''
  const slice = { promptVersionId: id, provider: 'demo', modelId: model }
  const run = await runToEnd(core, {
    promptVersionIds: [id],
    models: [{ provider: 'demo', model }],
    datasetId: await routingDatasetId(core),
    useCache: false,
  })
  const summary = await call<RunSummary>(core, 'runs.score', { runId: run.id })
  return { run, slice, summary: summary.slices[0] }
}

const scoresOf = (core: Core, runId: string, metric: string) =>
  call<{ total: number; scores: Score[] }>(core, 'runs.scores', { runId, metric })

describe('the demo routing agent: tool calls scored and gated', () => {
  it('v1 routes with real route_ticket calls; the queue rule passes and fails where it should; the gate passes v1 and blocks v2', async () => {
    const core = demoCore(tempHome(), { runner: { demoLatencyScale: 0, flushMs: 10 } })
    const good = await runRouter(core, 1, 'triage-sim-2026-03')
    const bad = await runRouter(core, 2, 'triage-sim-2026-09')
    expect(good.summary).toMatchObject({ results: 24, errors: 0 })
    expect(bad.summary).toMatchObject({ results: 24, errors: 0 })

    const page = await call<{ results: RunResult[] }>(core, 'runs.results', { runId: good.run.id, limit: 50 })
    const routed = page.results.filter((r) => r.toolCalls.length > 0)
    expect(routed).toHaveLength(20)
    expect(routed[0]?.toolCalls[0]).toMatchObject({ name: 'route_ticket' })
    expect(JSON.parse(routed[0]?.toolCalls[0]?.arguments ?? '')).toEqual({
      queue: expect.any(String),
      priority: expect.stringMatching(/^p[1-4]$/),
    })

    // 20 routed cases carry an expected queue; the four solved chats leave the rule unscored.
    expect(value(good.summary, 'tool.queue')).toBeCloseTo(19 / 20, 12)
    expect(value(bad.summary, 'tool.queue')).toBeCloseTo(15 / 20, 12)
    expect(value(good.summary, 'tool.args_valid')).toBe(1)
    expect(value(bad.summary, 'tool.args_valid')).toBeCloseTo(20 / 21, 12)
    expect(value(good.summary, 'tool.none')).toBe(1)
    expect(value(bad.summary, 'tool.none')).toBeCloseTo(3 / 4, 12)

    const queue = await scoresOf(core, bad.run.id, 'tool.queue')
    const reasons = queue.scores.filter((s) => s.passed === false).map((s) => s.reason)
    expect(reasons.filter((r) => /^queue is "\w+", expected "\w+"$/.test(r))).toHaveLength(4)
    expect(reasons.filter((r) => r.startsWith("route_ticket's arguments are not JSON"))).toHaveLength(1)
    expect(queue.scores.filter((s) => s.passed === null)).toHaveLength(4)
    expect(queue.scores.filter((s) => s.passed === true)).toHaveLength(15)

    const pass = await call<GateResult>(core, 'gates.evaluate', { runId: good.run.id, slice: good.slice })
    expect(pass.verdict).toBe('pass')
    const blocked = await call<GateResult>(core, 'gates.evaluate', { runId: bad.run.id, slice: bad.slice })
    expect(blocked.verdict).toBe('fail')
    const queueRule = blocked.rules.find((r) => r.rule.kind === 'min_score' && r.rule.metric === 'tool.queue')
    expect(queueRule).toMatchObject({ verdict: 'fail', candidate: 0.75 })
    expect(queueRule?.failingCases).toHaveLength(5)
    core.close()
  }, 60_000)
})
