import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../../electron/main/core'
import { openConnection } from '../../../../electron/main/core/db/connection'
import { applyMigrations } from '../../../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../../../electron/main/core/db/migrations'
import { createCoreContext } from '../../../../electron/main/core/context'
import { ensureSnapshot } from '../../../../electron/main/core/datasets/snapshot'
import type { DatasetDetail, DatasetSnapshot, SnapshotDiff } from '../../../../shared/domain/datasets'
import { fixedClock, useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { allCases, demoDataset } from './api-helpers'

const newHome = useTempHomes()

const detailOf = (core: Core, id: string) => call<DatasetDetail>(core, 'datasets.get', { id })
const snapshot = (core: Core, datasetId: string, message = 'next') =>
  call<DatasetSnapshot>(core, 'datasets.snapshot', { datasetId, message })
const diff = (core: Core, datasetId: string, from: string | undefined, to: string) =>
  call<SnapshotDiff>(core, 'datasets.diffSnapshots', { datasetId, from, to })

describe('dataset snapshots', () => {
  it('seeds the demo with snapshot 1 and tracks whether the working copy moved on', async () => {
    const core = demoCore(newHome())
    const demo = await demoDataset(core)
    expect(demo.snapshotCount).toBe(1)
    const detail = await detailOf(core, demo.id)
    expect(detail.snapshots).toEqual([
      expect.objectContaining({ number: 1, message: 'Initial golden set', caseCount: 145 }),
    ])
    expect(detail.changedSinceSnapshot).toBe(false)
    const refused = await failure(core, 'datasets.snapshot', { datasetId: demo.id })
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('since snapshot 1'),
    })
    const [first] = await allCases(core, demo.id)
    await call(core, 'cases.tag', { caseIds: [first?.id], add: ['reviewed'] })
    expect((await detailOf(core, demo.id)).changedSinceSnapshot).toBe(true)
    // Undoing the edit brings the content back to snapshot 1.
    await call(core, 'cases.tag', { caseIds: [first?.id], remove: ['reviewed'] })
    await call(core, 'cases.update', { caseId: first?.id, patch: { tags: first?.tags } })
    expect((await detailOf(core, demo.id)).changedSinceSnapshot).toBe(false)
    core.close()
  })

  it('numbers snapshots, keeps them as they were when the working copy changes, and shares revisions', async () => {
    const home = newHome()
    const core = demoCore(home)
    const demo = await demoDataset(core)
    const cases = await allCases(core, demo.id)
    await call(core, 'cases.update', { caseId: cases[0]?.id, patch: { notes: 'checked' } })
    const two = await snapshot(core, demo.id, 'Notes added')
    expect(two).toMatchObject({ number: 2, caseCount: 145, createdBy: 'tester', message: 'Notes added' })
    await call(core, 'cases.delete', { caseIds: [cases[1]?.id] })
    const v2 = await allCases(core, demo.id, two.id)
    expect(v2).toHaveLength(145)
    expect(v2[0]?.notes).toBe('checked')
    expect(v2[1]?.id).toBe(cases[1]?.id)
    const db = new Database(join(home, 'evallab.db'), { readonly: true })
    // 145 revisions for snapshot 1 plus the one edited case: unchanged cases are stored once (and the
    // demo's 24 routing chats, another dataset).
    expect(db.prepare('SELECT COUNT(*) FROM case_revisions').pluck().get()).toBe(146 + 24)
    db.close()
    core.close()
  })

  it('refuses a snapshot of an empty dataset and of an unknown one', async () => {
    const core = demoCore(newHome())
    const { dataset } = await call<DatasetDetail>(core, 'datasets.create', { name: 'Empty' })
    expect((await failure(core, 'datasets.snapshot', { datasetId: dataset.id })).message).toContain(
      'no cases',
    )
    expect((await failure(core, 'datasets.snapshot', { datasetId: 'ds_nope' })).code).toBe('NOT_FOUND')
    core.close()
  })

  it('ensureSnapshot returns the newest snapshot while nothing changed, and takes one when it did', () => {
    const home = newHome()
    demoCore(home).close()
    const db = openConnection(join(home, 'evallab.db'))
    const ctx = createCoreContext(db, { user: 'runner', now: fixedClock() })
    const [demo] = ctx.repos.datasets.list()
    if (!demo) throw new Error('no demo dataset')
    const run = () => db.transaction(() => ensureSnapshot(ctx, demo.id)).immediate()
    expect(run().number).toBe(1)
    const [first] = ctx.repos.datasetCases.page(demo.id, 0, 1)
    if (!first) throw new Error('no case')
    db.transaction(() => ctx.repos.datasetCases.update({ ...first, position: 0, notes: 'x' })).immediate()
    expect(run()).toMatchObject({ number: 2, createdBy: 'runner', message: 'Taken for a run' })
    expect(run().number).toBe(2)
    db.close()
  })

  it('migrates a workspace from before snapshots: its cases are hashed when first snapshotted', async () => {
    const home = newHome()
    // A workspace as an Eval Lab with migrations 0001 and 0002 left it.
    const raw = new Database(join(home, 'evallab.db'))
    applyMigrations(raw, bundledMigrations.slice(0, 2), fixedClock())
    raw.exec(`INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('ds_old', 'Old', 't', 't');
      INSERT INTO dataset_cases (id, dataset_id, case_key, position, vars, expected, expected_output, tags, notes)
      VALUES ('case_a', 'ds_old', 'a', 0, '{"q":"hi"}', '{}', NULL, '["x"]', ''),
             ('case_b', 'ds_old', 'b', 1, '{"q":"yo"}', '{"n":1}', 'out', '[]', 'n');`)
    raw.close()
    const core = openCore({ home, user: 'tester', now: fixedClock() })
    expect(core.status.state).toBe('ready')
    const detail = await detailOf(core, 'ds_old')
    expect(detail).toMatchObject({ changedSinceSnapshot: true, snapshots: [], parent: null })
    const first = await snapshot(core, 'ds_old', 'After upgrade')
    expect((await detailOf(core, 'ds_old')).changedSinceSnapshot).toBe(false)
    expect((await allCases(core, 'ds_old', first.id)).map((c) => c.key)).toEqual(['a', 'b'])
    expect((await failure(core, 'datasets.snapshot', { datasetId: 'ds_old' })).code).toBe('INVALID_INPUT')
    core.close()
  })
})

describe('datasets.diffSnapshots', () => {
  it('lists added, removed and edited cases with the fields that changed', async () => {
    const core = demoCore(newHome())
    const demo = await demoDataset(core)
    const one = (await detailOf(core, demo.id)).snapshots[0]?.id
    const [a, b, c] = await allCases(core, demo.id)
    if (!a || !b || !c) throw new Error('demo cases missing')
    await call(core, 'cases.update', {
      caseId: a.id,
      patch: {
        key: 'renamed',
        vars: { ...a.vars, subject: 'New subject' },
        expected: { ...a.expected, priority: 'p1' },
      },
    })
    await call(core, 'cases.tag', { caseIds: [b.id], add: ['zz-reviewed'] })
    await call(core, 'cases.update', { caseId: b.id, patch: { notes: 'looked at', expectedOutput: 'x' } })
    await call(core, 'cases.delete', { caseIds: [c.id] })
    await call(core, 'cases.add', {
      datasetId: demo.id,
      fields: { vars: { subject: 's', body: 'b' }, expected: {}, expectedOutput: null, tags: [], notes: '' },
    })
    const working = await diff(core, demo.id, one, 'working')
    expect(working).toMatchObject({ from: 'Snapshot 1', to: 'Working copy', unchanged: 142 })
    expect(working.added.map((x) => x.key)).toEqual(['case-0145'])
    expect(working.removed).toEqual([
      expect.objectContaining({ key: c.key, after: null, before: expect.anything() }),
    ])
    expect(working.edited.map((x) => [x.key, x.fields])).toEqual([
      ['renamed', ['key', 'vars.subject', 'expected.priority']],
      [b.key, ['expectedOutput', 'tags', 'notes']],
    ])
    expect(working.edited[0]?.before?.key).toBe(a.key)
    const two = await snapshot(core, demo.id)
    const between = await diff(core, demo.id, one, two.id)
    expect({ ...between, to: 'Working copy' }).toEqual(working)
    expect(between.to).toBe('Snapshot 2')
    const none = await diff(core, demo.id, two.id, 'working')
    expect([none.added, none.removed, none.edited, none.unchanged]).toEqual([[], [], [], 145])
    expect(
      (await failure(core, 'datasets.diffSnapshots', { datasetId: demo.id, from: 'dss_x', to: 'working' }))
        .code,
    ).toBe('NOT_FOUND')
    core.close()
  })
})
