import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Baseline } from '../../../../../shared/domain/scoring'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call, failure, promptNamed } from '../../core-calls'
import { quickDemoCore, runSlice, sim03, sim09, triage } from './demo-runs'

const newHome = useTempHomes()

describe('baselines', () => {
  it('keeps one baseline per prompt and dataset snapshot, and records the one it replaces', async () => {
    const home = newHome()
    const core = quickDemoCore(home)
    const t = await triage(core)
    const first = await runSlice(core, t, 4, sim03)
    const second = await runSlice(core, t, 5, sim09)
    expect(await call<Baseline[]>(core, 'baselines.list', { promptId: t.promptId })).toEqual([])

    const set = await call<Baseline>(core, 'baselines.set', {
      promptId: t.promptId,
      runId: first.run.id,
      slice: first.slice,
      note: '  September release  ',
    })
    expect(set).toMatchObject({
      promptId: t.promptId,
      datasetSnapshotId: first.run.datasetSnapshotId,
      runId: first.run.id,
      slice: first.slice,
      setBy: 'tester',
      note: 'September release',
    })
    const replaced = await call<Baseline>(core, 'baselines.set', {
      promptId: t.promptId,
      runId: second.run.id,
      slice: second.slice,
    })
    expect(replaced.runId).toBe(second.run.id)
    expect(await call<Baseline[]>(core, 'baselines.list', { promptId: t.promptId })).toEqual([replaced])
    core.close()

    const db = new Database(join(home, 'evallab.db'), { readonly: true })
    const rows = db
      .prepare<[], { action: string; details: string }>(
        "SELECT action, details FROM audit_log WHERE action LIKE 'baseline.%' ORDER BY id",
      )
      .all()
    db.close()
    expect(rows.map((r) => r.action)).toEqual(['baseline.set', 'baseline.replaced'])
    expect(JSON.parse(rows[1]?.details ?? '{}')).toMatchObject({
      runId: second.run.id,
      previous: { runId: first.run.id, slice: first.slice, setBy: 'tester' },
    })
  })

  it('refuses a slice the run does not contain, a version of another prompt and an unknown run', async () => {
    const core = quickDemoCore(newHome())
    const t = await triage(core)
    const { run, slice } = await runSlice(core, t, 4, sim03)
    const drafter = await promptNamed(core, 'Reply drafter')
    const set = (input: Record<string, unknown>) =>
      failure(core, 'baselines.set', { promptId: t.promptId, runId: run.id, slice, ...input })

    expect(await set({ slice: { ...slice, modelId: sim09.model } })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Run "v4 × triage-sim-2026-03" does not include v4 × demo/triage-sim-2026-09',
    })
    expect(await set({ slice: { ...slice, promptVersionId: t.v(3) } })).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect((await set({ slice: { ...slice, promptVersionId: drafter.version.id } })).code).toBe('NOT_FOUND')
    expect((await set({ runId: 'run_missing' })).code).toBe('NOT_FOUND')
    expect((await failure(core, 'baselines.list', { promptId: 'prm_missing' })).code).toBe('NOT_FOUND')
    core.close()
  })
})
