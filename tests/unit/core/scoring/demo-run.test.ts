import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../../electron/main/core/db/connection'
import { createRepos } from '../../../../electron/main/core/db/repos'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { RunSummary, Score, SliceSummary } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { demoDatasetId, runToEnd, triage } from './helpers'

const tempHome = useTempHomes()

const value = (slice: SliceSummary | undefined, metric: string) =>
  slice?.metrics.find((m) => m.metric === metric)?.value

describe('the demo: v4 × Triage Sim 2026-03 against v5 × Triage Sim 2026-09', () => {
  it('pins v4 and v5 to the two simulated models', async () => {
    const core = demoCore(tempHome())
    const detail = await triage(core)
    expect(detail.versions.map((v) => [v.number, v.message])).toEqual([
      [5, 'Try the September simulated model'],
      [4, 'Pin the simulated model for offline evals'],
      [3, expect.stringMatching(/^Tier-aware priority rules/)],
      [2, expect.stringMatching(/^Add needs_human flag/)],
      [1, 'Initial triage prompt for the support inbox pilot'],
    ])
    const version = (n: number) =>
      call<PromptDetail>(core, 'prompts.get', { id: detail.prompt.id, versionNumber: n }).then(
        (d) => d.version,
      )
    const [v3, v4, v5] = await Promise.all([version(3), version(4), version(5)])
    expect(v4.model).toEqual({ provider: 'demo', model: 'triage-sim-2026-03' })
    expect(v5.model).toEqual({ provider: 'demo', model: 'triage-sim-2026-09' })
    for (const v of [v4, v5])
      expect({ messages: v.messages, params: v.params }).toEqual({ messages: v3.messages, params: v3.params })
    core.close()
  })

  it('scores format 100 % against about 96 %, lists the failing cases and judges with recorded calls', async () => {
    const home = tempHome()
    const core = demoCore(home, { runner: { demoLatencyScale: 0, flushMs: 10 } })
    const datasetId = await demoDatasetId(core)
    const detail = await triage(core)
    const id = (n: number) => detail.versions.find((v) => v.number === n)?.id ?? ''
    const older = await runToEnd(core, {
      promptVersionIds: [id(4)],
      models: [{ provider: 'demo', model: 'triage-sim-2026-03' }],
      datasetId,
    })
    const newer = await runToEnd(core, {
      promptVersionIds: [id(5)],
      models: [{ provider: 'demo', model: 'triage-sim-2026-09' }],
      datasetId,
    })
    const [a, b] = await Promise.all([
      call<RunSummary>(core, 'runs.score', { runId: older.id }),
      call<RunSummary>(core, 'runs.score', { runId: newer.id }),
    ])
    expect(a.suiteVersion).toBe(1)
    const base = a.slices[0]
    const next = b.slices[0]
    expect(base).toMatchObject({ versionNumber: 4, modelId: 'triage-sim-2026-03', results: 145, errors: 0 })
    expect(next).toMatchObject({ versionNumber: 5, modelId: 'triage-sim-2026-09', results: 145, errors: 0 })
    expect(value(base, 'format.json_schema')).toBe(1)
    expect(value(next, 'format.json_schema')).toBeCloseTo(139 / 145, 12)
    expect(value(next, 'rule.category')).toBeLessThan(value(base, 'rule.category') ?? 0)
    expect(value(next, 'judge.priority_reasonable')).toBeLessThan(
      value(base, 'judge.priority_reasonable') ?? 0,
    )
    expect(base?.costPerInteractionUsd).toBe(0)
    expect(base?.byTag.find((t) => t.tag === 'segment:enterprise')?.n).toBeGreaterThan(0)

    const failing = await call<{ total: number; scores: Score[] }>(core, 'runs.scores', {
      runId: newer.id,
      metric: 'format.json_schema',
      failedOnly: true,
    })
    expect(failing.total).toBe(6)
    const reasons = failing.scores.map((s) => s.reason)
    expect(reasons.some((r) => r.startsWith('The output is not valid JSON'))).toBe(true)
    expect(reasons.some((r) => r.includes("must have required property 'priority'"))).toBe(true)

    const db = openConnection(join(home, 'evallab.db'))
    const repos = createRepos(db)
    const calls = repos.scoreCalls.list(newer.id)
    expect(calls).toHaveLength(145)
    expect(calls.every((c) => c.costUsd === 0 && c.errorMessage === null && (c.inputTokens ?? 0) > 0)).toBe(
      true,
    )
    expect(next?.judgeCostUsd).toBe(0)
    // Scoring again changes nothing and calls nothing.
    expect(await call<RunSummary>(core, 'runs.score', { runId: newer.id })).toEqual(b)
    expect(repos.scoreCalls.list(newer.id)).toHaveLength(145)
    db.close()
    core.close()
  }, 60_000)
})
