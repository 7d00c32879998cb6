import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import { canarySample, canarySampleSize, startCanary } from '../../../../electron/main/core/runs/canary'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { Run, RunProgress, RunResultPage } from '../../../../shared/domain/runs'
import type { GateResult } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import {
  quickDemoCore,
  runSlice,
  settled,
  sim03,
  sim09,
  triage,
  type Triage,
} from '../scoring/gates/demo-runs'

const newHome = useTempHomes()

const cases = (n: number): DatasetCase[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `case_${i}`,
    key: `k${i}`,
    vars: {},
    expected: {},
    expectedOutput: null,
    tags: [],
    notes: '',
  }))

describe('the canary sample', () => {
  it('draws a reproducible share of the cases, at least one and never all of them', () => {
    const all = cases(145)
    const sample = canarySample(all, { share: 0.1, seed: 7 })
    expect(sample.size).toBe(15)
    expect(canarySample(all, { share: 0.1, seed: 7 })).toEqual(sample)
    expect(canarySample(all, { share: 0.1, seed: 8 })).not.toEqual(sample)
    for (const id of sample) expect(all.some((c) => c.id === id)).toBe(true)
    expect([canarySampleSize(3, 0.01), canarySampleSize(5, 0.9), canarySampleSize(1, 0.5)]).toEqual([1, 4, 1])
    expect(startCanary({ share: 0.1, seed: 1 }, 145)).toEqual({
      share: 0.1,
      phase: 'sampling',
      sampleSize: 15,
      verdict: null,
      reason: 'Runs 15 of 145 cases first and stops if they already fail the gate',
    })
    expect(startCanary(undefined, 145)).toBeNull()
  })
})

/** v4 × sim-03 run in full and set as the baseline of the demo snapshot. */
async function withBaseline(core: Core): Promise<Triage> {
  const t = await triage(core)
  const base = await runSlice(core, t, 4, sim03)
  await call(core, 'baselines.set', { promptId: t.promptId, runId: base.run.id, slice: base.slice })
  return t
}

const resultCount = async (core: Core, runId: string): Promise<number> =>
  (await call<RunResultPage>(core, 'runs.results', { runId, offset: 0, limit: 1 })).total

// Seed 13 draws two of the cases sim-09 answers in broken JSON into v5's 15-case sample: 13 of 15 pass,
// and even the upper end of the 95 % interval (96 %) is below the 99 % format rule.
const failingSample = { share: 0.1, seed: 13 }

describe('canary runs', () => {
  it('stops after the sample when it already fails the gate, with far fewer calls than the plan', async () => {
    const core = quickDemoCore(newHome())
    const t = await withBaseline(core)
    const { run } = await runSlice(core, t, 5, sim09, { canary: failingSample })
    expect(run.status).toBe('cancelled')
    expect(run.counts).toMatchObject({ total: 145, done: 15 })
    expect(await resultCount(core, run.id)).toBe(15)
    expect(run.canary).toMatchObject({ share: 0.1, phase: 'stopped', sampleSize: 15, verdict: 'fail' })
    expect(run.canary?.reason).toMatch(
      /^Stopped after the 15-case sample: v5 × demo\/triage-sim-2026-09 fails "format\.json_schema pass rate ≥ 99 %" \(86\.7 % pass \(13 of 15\)/,
    )
    // A sample is not evidence for promotion: nothing is stored as a gate result, and none can be evaluated.
    expect(await call<GateResult[]>(core, 'gates.list', { promptId: t.promptId })).toEqual([])
    const slice = { promptVersionId: t.v(5), provider: 'demo', modelId: sim09.model }
    expect(await failure(core, 'gates.evaluate', { runId: run.id, slice })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Run "v5 × triage-sim-2026-09" is cancelled with 15 of 145 results: finish it (resume) first',
    })
    core.close()
  })

  it('continues to the full dataset when the sample does not fail', async () => {
    const core = quickDemoCore(newHome())
    const t = await withBaseline(core)
    const { run } = await runSlice(core, t, 4, sim03, { canary: { share: 0.1, seed: 13 } })
    expect(run.status).toBe('completed')
    expect(run.counts.done).toBe(145)
    expect(run.canary).toMatchObject({ phase: 'continued', sampleSize: 15 })
    expect(run.canary?.verdict).not.toBe('fail')
    expect(run.canary?.reason).toMatch(/^The 15-case sample (passes|does not fail) the gate/)
    core.close()
  })

  it('runs the rest when a stopped canary is resumed, and says who decided so', async () => {
    const core = quickDemoCore(newHome())
    const t = await withBaseline(core)
    const { run } = await runSlice(core, t, 5, sim09, { canary: failingSample })
    const resumed = await call<Run>(core, 'runs.resume', { id: run.id })
    expect(resumed.canary?.phase).toBe('continued')
    const done = await settled(core, run.id)
    expect(done).toMatchObject({ status: 'completed', counts: { done: 145 } })
    expect(done.canary?.reason).toMatch(/^Resumed by tester although the sample failed: Stopped after/)
    core.close()
  })

  it('finishes the sample and decides after a crash during sampling', async () => {
    const home = newHome()
    const slow = quickDemoCore(home, { runner: { demoLatencyScale: 1, flushMs: 10 } })
    const t = await withBaseline(slow)
    const started = await call<Run>(slow, 'runs.start', {
      name: 'canary',
      promptVersionIds: [t.v(5)],
      models: [sim09],
      datasetId: t.datasetId,
      concurrency: { demo: 1 },
      canary: failingSample,
    })
    await progressed(slow, started.id, 3)
    slow.close()

    const core = quickDemoCore(home)
    const interrupted = await call<Run>(core, 'runs.get', { id: started.id })
    expect(interrupted.status).toBe('interrupted')
    expect(interrupted.canary?.phase).toBe('sampling')
    expect(interrupted.counts.done).toBeLessThan(15)
    await call(core, 'runs.resume', { id: started.id })
    const run = await settled(core, started.id)
    expect(run).toMatchObject({ status: 'cancelled', counts: { done: 15 }, canary: { phase: 'stopped' } })
    core.close()
  })
})

function progressed(core: Core, runId: string, n: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || p.done < n) return
      stop()
      resolve()
    })
  })
}
