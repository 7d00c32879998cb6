import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FirstSteps } from '../../../../shared/domain/guide'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { demoDatasetId, runToEnd, triage } from '../scoring/helpers'

const tempHome = useTempHomes()
const demoLog = readFileSync(join(process.cwd(), 'resources/demo/production-triage.jsonl'), 'utf8')

const done = (s: FirstSteps) => Object.fromEntries(s.steps.map((x) => [x.step, x.done]))

describe('guide.firstSteps', () => {
  it('has nothing done on an empty workspace, and says what is missing', async () => {
    const core = demoCore(tempHome(), { seedDemo: false })
    const steps = await call<FirstSteps>(core, 'guide.firstSteps', {})
    expect(steps.steps.map((s) => s.step)).toEqual(['dataset', 'prompt', 'run', 'suite', 'baseline'])
    expect(steps.steps.every((s) => !s.done)).toBe(true)
    expect(steps.steps[0]?.evidence).toBe('No dataset with cases')
    core.close()
  })

  it('reads each step from the stored workspace: a production import is not a run, a baseline is', async () => {
    const core = demoCore(tempHome(), { runner: { demoLatencyScale: 0, flushMs: 10 } })
    const first = await call<FirstSteps>(core, 'guide.firstSteps', {})
    // The demo ships a dataset, prompts and their suites; nothing has run yet.
    expect(done(first)).toEqual({ dataset: true, prompt: true, run: false, suite: true, baseline: false })
    const { prompt } = await triage(core)
    await call(core, 'production.import', { promptId: prompt.id, fileName: 'prod.jsonl', content: demoLog })
    const afterImport = await call<FirstSteps>(core, 'guide.firstSteps', {})
    expect(done(afterImport)).toEqual(done(first))
    expect(afterImport.steps[0]?.evidence).toBe(first.steps[0]?.evidence)

    const detail = await triage(core)
    const version = detail.versions.find((v) => v.number === 4)
    if (!version) throw new Error('no v4')
    const models = [{ provider: 'demo', model: 'triage-sim-2026-03' }]
    const datasetId = await demoDatasetId(core)
    const run = await runToEnd(core, { promptVersionIds: [version.id], models, datasetId }, 'first eval')
    const afterRun = await call<FirstSteps>(core, 'guide.firstSteps', {})
    expect(done(afterRun)).toMatchObject({ run: true, baseline: false })
    expect(afterRun.steps[2]?.evidence).toBe('1 completed run, the newest first eval')

    const slice = { promptVersionId: version.id, provider: 'demo', modelId: 'triage-sim-2026-03' }
    await call(core, 'runs.score', { runId: run.id })
    await call(core, 'baselines.set', { promptId: prompt.id, runId: run.id, slice })
    const last = await call<FirstSteps>(core, 'guide.firstSteps', {})
    expect(last.steps.every((s) => s.done)).toBe(true)
    expect(last.steps[4]).toMatchObject({ promptId: prompt.id, evidence: 'Ticket triage has a baseline run' })
    core.close()
  }, 60_000)
})
