import { describe, expect, it } from 'vitest'
import type { DatasetDetail, DatasetSummary } from '../../../../shared/domain/datasets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { allCases, demoDataset, fingerprint } from './api-helpers'

const newHome = useTempHomes()

describe('datasets.create / update / get', () => {
  it('creates an empty dataset with a unique name and edits its name and description', async () => {
    const home = newHome()
    const core = demoCore(home)
    const demo = await demoDataset(core)
    const created = await call<DatasetDetail>(core, 'datasets.create', {
      name: '  Refunds  ',
      description: 'd',
    })
    expect(created).toMatchObject({
      dataset: {
        name: 'Refunds',
        description: 'd',
        caseCount: 0,
        snapshotCount: 0,
        parentId: null,
        tagCounts: {},
      },
      snapshots: [],
      changedSinceSnapshot: true,
      parent: null,
    })
    expect((await failure(core, 'datasets.create', { name: 'refunds' })).code).toBe('CONFLICT')
    const id = created.dataset.id
    const renamed = await call<DatasetDetail>(core, 'datasets.update', {
      id,
      name: 'REFUNDS',
      description: 'e',
    })
    expect(renamed.dataset).toMatchObject({ name: 'REFUNDS', description: 'e' })
    expect((await failure(core, 'datasets.update', { id, name: demo.name })).code).toBe('CONFLICT')
    const before = fingerprint(home)
    await call(core, 'datasets.update', { id, name: 'REFUNDS' })
    expect(fingerprint(home)).toEqual(before)
    expect((await failure(core, 'datasets.get', { id: 'ds_nope' })).code).toBe('NOT_FOUND')
    core.close()
  })
})

describe('datasets.createFromCases', () => {
  it('copies the chosen cases in source order, keeping keys, linked to the source', async () => {
    const core = demoCore(newHome())
    const demo = await demoDataset(core)
    const source = await allCases(core, demo.id)
    const chosen = [source[40], source[3], source[17]].map((c) => c?.id)
    const detail = await call<DatasetDetail>(core, 'datasets.createFromCases', {
      sourceDatasetId: demo.id,
      caseIds: chosen,
      name: 'Hard ones',
    })
    expect(detail.dataset).toMatchObject({ name: 'Hard ones', caseCount: 3, parentId: demo.id })
    expect(detail.parent).toEqual({ id: demo.id, name: demo.name })
    const copies = await allCases(core, detail.dataset.id)
    expect(copies.map((c) => c.key)).toEqual([source[3]?.key, source[17]?.key, source[40]?.key])
    expect(copies[0]).toEqual({ ...source[3], id: copies[0]?.id })
    expect(copies.map((c) => c.id)).not.toContain(source[3]?.id)
    const unknown = await failure(core, 'datasets.createFromCases', {
      sourceDatasetId: demo.id,
      caseIds: [source[0]?.id, 'case_other'],
      name: 'Bad',
    })
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('case_other') })
    core.close()
  })
})

describe('datasets.delete', () => {
  it('removes the dataset with its cases and snapshots, unlinks datasets made from it, and audits it', async () => {
    const home = newHome()
    const core = demoCore(home)
    const demo = await demoDataset(core)
    const source = await allCases(core, demo.id)
    const child = await call<DatasetDetail>(core, 'datasets.createFromCases', {
      sourceDatasetId: demo.id,
      caseIds: [source[0]?.id],
      name: 'Child',
    })
    await call(core, 'datasets.snapshot', { datasetId: child.dataset.id })
    const auditBefore = fingerprint(home).counts as Record<string, number>
    expect(await call(core, 'datasets.delete', { id: demo.id })).toEqual({ deleted: true })
    const list = await call<DatasetSummary[]>(core, 'datasets.list', {})
    // The demo's routing chats (24 cases, one snapshot) are another dataset: untouched.
    expect(list.map((d) => [d.name, d.parentId])).toEqual([
      ['Child', null],
      ['Triage routing conversations', null],
    ])
    const after = fingerprint(home).counts as Record<string, number>
    expect(after).toMatchObject({
      datasets: 2,
      dataset_cases: 1 + 24,
      dataset_snapshots: 1 + 1,
      dataset_snapshot_cases: 1 + 24,
    })
    // The child's snapshot shares its one revision with the deleted demo snapshot: it stays, the rest go.
    expect(after.case_revisions).toBe(1 + 24)
    expect(after.audit_log).toBe((auditBefore.audit_log ?? 0) + 1)
    expect((await allCases(core, child.dataset.id))[0]?.key).toBe(source[0]?.key)
    expect((await failure(core, 'datasets.delete', { id: demo.id })).code).toBe('NOT_FOUND')
    core.close()
  })
})
