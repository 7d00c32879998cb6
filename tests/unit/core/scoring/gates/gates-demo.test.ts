import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../../shared/domain/runs'
import type { Baseline, GateResult } from '../../../../../shared/domain/scoring'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call, failure } from '../../core-calls'
import { quickDemoCore, runSlice, settled, sim03, sim09, triage } from './demo-runs'

const newHome = useTempHomes()

describe('gates on the demo (v4 × sim-03 baseline, v5 × sim-09 candidate)', () => {
  it('fails v5 on the format rule, lists the malformed cases, and passes v4 against itself', async () => {
    const core = quickDemoCore(newHome())
    const t = await triage(core)
    const base = await runSlice(core, t, 4, sim03)
    const candidate = await runSlice(core, t, 5, sim09)
    expect([base.run.status, candidate.run.status]).toEqual(['completed', 'completed'])
    await call<Baseline>(core, 'baselines.set', {
      promptId: t.promptId,
      runId: base.run.id,
      slice: base.slice,
    })

    const gate = await call<GateResult>(core, 'gates.evaluate', {
      runId: candidate.run.id,
      slice: candidate.slice,
    })
    expect(gate).toMatchObject({
      promptId: t.promptId,
      promptVersionId: t.v(5),
      candidateRunId: candidate.run.id,
      baselineRunId: base.run.id,
      suiteVersion: 1,
      verdict: 'fail',
      pairedCases: 145,
      createdBy: 'tester',
    })
    const format = gate.rules.find((r) => r.rule.kind === 'min_score')
    expect(format).toMatchObject({ label: 'format.json_schema pass rate ≥ 99 %', verdict: 'fail' })
    expect(format?.candidate).toBeLessThan(0.99)
    expect(format?.failingCases.length).toBeGreaterThan(0)
    expect(format?.failingCases.length).toBe(Math.round((1 - (format?.candidate ?? 0)) * 145))
    for (const c of format?.failingCases ?? []) expect(c.caseKey).toMatch(/^tkt-\d{4}$/)
    const drop = gate.rules.find((r) => r.rule.kind === 'max_drop')
    expect(drop?.test?.name).toBe('McNemar exact')
    expect(drop?.delta).toBeLessThan(0)
    expect(gate.rules.map((r) => r.label)).toEqual([
      'format.json_schema pass rate ≥ 99 %',
      'rule.category no more than 5 points below baseline',
      'P95 latency ≤ 8 s',
      'cost per interaction ≤ $0.01',
    ])

    const own = await call<GateResult>(core, 'gates.evaluate', { runId: base.run.id, slice: base.slice })
    expect(own.verdict).toBe('pass')
    expect(own.rules.map((r) => r.verdict)).toEqual(['pass', 'pass', 'pass', 'pass'])
    expect(own.rules[1]).toMatchObject({ delta: 0, explanation: expect.stringMatching(/is the baseline/) })

    const listed = await call<GateResult[]>(core, 'gates.list', { promptId: t.promptId })
    expect(listed.map((g) => g.id)).toEqual([own.id, gate.id])
    expect(listed[1]).toEqual(gate)
    core.close()
  })

  it('compares slices of one run (the e2e flow: v4 and v5 on both models, scored first)', async () => {
    const core = quickDemoCore(newHome())
    const t = await triage(core)
    const started = await call<Run>(core, 'runs.start', {
      name: 'March vs September',
      promptVersionIds: [t.v(4), t.v(5)],
      models: [sim03, sim09],
      datasetId: t.datasetId,
    })
    const run = await settled(core, started.id)
    expect(run.counts).toMatchObject({ total: 580, done: 580 })
    await call(core, 'runs.score', { runId: run.id })
    const base = { promptVersionId: t.v(4), provider: 'demo', modelId: sim03.model }
    await call(core, 'baselines.set', { promptId: t.promptId, runId: run.id, slice: base })
    const candidate = { promptVersionId: t.v(5), provider: 'demo', modelId: sim09.model }
    const failed = await call<GateResult>(core, 'gates.evaluate', { runId: run.id, slice: candidate })
    expect(failed).toMatchObject({ verdict: 'fail', baselineRunId: run.id, pairedCases: 145 })
    expect(failed.rules[0]?.failingCases.length).toBeGreaterThan(0)
    const passed = await call<GateResult>(core, 'gates.evaluate', { runId: run.id, slice: base })
    expect(passed.verdict).toBe('pass')
    core.close()
  })

  it('is inconclusive without a baseline for the dataset snapshot', async () => {
    const core = quickDemoCore(newHome())
    const t = await triage(core)
    const { run, slice } = await runSlice(core, t, 4, sim03)
    const gate = await call<GateResult>(core, 'gates.evaluate', { runId: run.id, slice })
    expect(gate).toMatchObject({ verdict: 'inconclusive', baselineRunId: null, pairedCases: 0 })
    expect(gate.rules[1]).toMatchObject({ verdict: 'inconclusive' })
    expect(gate.rules[1]?.explanation).toMatch(/No baseline for this dataset snapshot/)
    core.close()
  })

  it('refuses a slice the run does not have', async () => {
    const core = quickDemoCore(newHome())
    const t = await triage(core)
    const { run } = await runSlice(core, t, 4, sim03)
    const missing = { promptVersionId: t.v(5), provider: 'demo', modelId: sim09.model }
    const refused = await failure(core, 'gates.evaluate', { runId: run.id, slice: missing })
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/does not include v5/),
    })
    core.close()
  })
})
