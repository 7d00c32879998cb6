import { describe, expect, it } from 'vitest'
import type { Run, RunResult } from '../../../../shared/domain/runs'
import type { RunSummary, Score } from '../../../../shared/domain/scoring'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import { ollama, pauseAfter, perModel, planOf, results, settled, userWorkspace, vllm } from './two-providers'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const keyOf = (r: RunResult) => `${r.caseId}/${r.repeat}`

describe('the same model id through two providers', () => {
  it('keeps every result, summary slice and score of both, and a resume calls only what each is missing', async () => {
    const servers = [
      await startMock({ latencyMs: 15, seed: 1 }),
      await startMock({ latencyMs: 15, seed: 2 }),
    ] as const
    const w = await userWorkspace(tempHome(), servers)
    const run = await call<Run>(w.core, 'runs.start', { ...planOf(w, [ollama, vllm]), name: 'two boxes' })
    expect(run.counts.total).toBe(2 * perModel)

    const paused = await pauseAfter(w.core, run.id, 6)
    expect(paused.status).toBe('paused')
    const before = await results(w.core, run.id)
    expect(before.length).toBe(paused.counts.done)
    expect(before.length).toBeLessThan(2 * perModel)
    const sentBefore = servers.map((s) => s.stats.total)

    await call<Run>(w.core, 'runs.resume', { id: run.id })
    const final = await settled(w.core, run.id)
    expect(final.status).toBe('completed')
    expect(final.counts).toMatchObject({ total: 2 * perModel, done: 2 * perModel, errors: 0 })

    // Every result of both providers is stored, once each.
    const all = await results(w.core, run.id)
    expect(all).toHaveLength(2 * perModel)
    for (const model of [ollama, vllm]) {
      const mine = await results(w.core, run.id, { provider: model.provider, modelId: model.model })
      expect(mine).toHaveLength(perModel)
      expect(new Set(mine.map(keyOf)).size).toBe(perModel)
      expect(mine.every((r) => r.provider === model.provider && r.responseText !== null)).toBe(true)
    }
    // Each server answered exactly its provider's calls: the resume asked each only for what it lacked.
    servers.forEach((server, i) => {
      expect(server.stats.total).toBe(perModel)
      const done = before.filter((r) => r.provider === [ollama, vllm][i]?.provider).length
      expect(server.stats.total - (sentBefore[i] ?? 0)).toBeLessThanOrEqual(perModel - done)
    })

    // Two slices, one per provider, each with every result and every score.
    const summary = await call<RunSummary>(w.core, 'runs.score', { runId: run.id })
    expect(summary.slices.map((s) => [s.provider, s.modelId, s.results])).toEqual([
      [ollama.provider, ollama.model, perModel],
      [vllm.provider, vllm.model, perModel],
    ])
    for (const slice of summary.slices) {
      expect(slice.metrics.map((m) => [m.metric, m.n])).toEqual([
        ['format.json', perModel],
        ['rule.answer', perModel],
        ['rule.ollama', perModel],
      ])
    }
    const scores = await call<{ total: number; scores: Score[] }>(w.core, 'runs.scores', {
      runId: run.id,
      limit: 1000,
    })
    expect(scores.total).toBe(2 * perModel * 3)
    expect(scores.scores.filter((s) => s.provider === vllm.provider)).toHaveLength(perModel * 3)

    // Scoring again finds everything scored, for both providers: no score is looked up by model id alone.
    const again = await call<RunSummary>(w.core, 'runs.score', { runId: run.id })
    expect(again).toEqual(summary)
    expect((await call<{ total: number }>(w.core, 'runs.scores', { runId: run.id })).total).toBe(scores.total)
    w.core.close()
  }, 30_000)

  it('refuses the exact same provider/model twice in a plan, naming it', async () => {
    const servers = [await startMock(), await startMock()] as const
    const w = await userWorkspace(tempHome(), servers)
    const plan = planOf(w, [ollama, vllm, { ...ollama }])
    for (const [method, input] of [
      ['runs.plan', plan],
      ['runs.start', { ...plan, name: 'dup' }],
    ] as const) {
      const error = await failure(w.core, method, input)
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toContain('local-llm/qwen2.5:7b')
      expect(error.message).toMatch(/more than once/)
    }
    expect(await call<Run[]>(w.core, 'runs.list', {})).toEqual([])
    expect(servers[0].stats.total + servers[1].stats.total).toBe(0)
    w.core.close()
  })
})
