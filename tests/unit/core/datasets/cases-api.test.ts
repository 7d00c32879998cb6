import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetCase, DatasetDetail } from '../../../../shared/domain/datasets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { allCases, fingerprint } from './api-helpers'

const newHome = useTempHomes()

const fields = (over: Record<string, unknown> = {}) => ({
  vars: { question: 'Where is my parcel?' },
  expected: { category: 'shipping' },
  expectedOutput: null,
  tags: ['segment:smb'],
  notes: '',
  ...over,
})

async function emptyDataset(core: Core, name = 'Scratch'): Promise<string> {
  return (await call<DatasetDetail>(core, 'datasets.create', { name })).dataset.id
}

const add = (core: Core, datasetId: string, over: Record<string, unknown> = {}) =>
  call<DatasetCase>(core, 'cases.add', { datasetId, fields: fields(over) })

const auditActions = (home: string): unknown => fingerprint(home).counts

describe('cases.add / update / delete', () => {
  it('adds cases with generated case-0001 keys, or the given key, and refuses a taken key', async () => {
    const core = demoCore(newHome())
    const id = await emptyDataset(core)
    const first = await add(core, id)
    const second = await add(core, id, { tags: ['b', ' a ', 'b'] })
    expect([first.key, second.key]).toEqual(['case-0001', 'case-0002'])
    expect(second.tags).toEqual(['b', 'a'])
    expect((await add(core, id, { key: 'case-0004' })).key).toBe('case-0004')
    expect((await add(core, id)).key).toBe('case-0005')
    const taken = await failure(core, 'cases.add', {
      datasetId: id,
      fields: { ...fields(), key: 'case-0001' },
    })
    expect(taken).toMatchObject({ code: 'CONFLICT' })
    expect(taken.message).toContain('"case-0001"')
    expect((await failure(core, 'cases.add', { datasetId: 'ds_nope', fields: fields() })).code).toBe(
      'NOT_FOUND',
    )
    core.close()
  })

  it('updates only the given fields; a key another case has is a CONFLICT naming it', async () => {
    const home = newHome()
    const core = demoCore(home)
    const id = await emptyDataset(core)
    const a = await add(core, id, { key: 'a' })
    await add(core, id, { key: 'b' })
    const updated = await call<DatasetCase>(core, 'cases.update', {
      caseId: a.id,
      patch: { vars: { question: 'Where is my order?' }, notes: 'reworded' },
    })
    expect(updated).toMatchObject({
      id: a.id,
      key: 'a',
      notes: 'reworded',
      expected: { category: 'shipping' },
    })
    const conflict = await failure(core, 'cases.update', { caseId: a.id, patch: { key: 'b' } })
    expect(conflict.code).toBe('CONFLICT')
    expect(conflict.message).toContain('"b"')
    const counts = auditActions(home)
    // Saving the same values again is not a change: nothing is written, not even an audit entry.
    await call(core, 'cases.update', { caseId: a.id, patch: { notes: 'reworded' } })
    expect(auditActions(home)).toEqual(counts)
    expect((await call<DatasetCase>(core, 'cases.update', { caseId: a.id, patch: { key: 'a2' } })).key).toBe(
      'a2',
    )
    expect((await failure(core, 'cases.update', { caseId: 'case_nope', patch: {} })).code).toBe('NOT_FOUND')
    core.close()
  })

  it('deletes cases, refusing a selection with an unknown id without deleting anything', async () => {
    const core = demoCore(newHome())
    const id = await emptyDataset(core)
    const [a, b, c] = [await add(core, id), await add(core, id), await add(core, id)]
    const stale = await failure(core, 'cases.delete', { caseIds: [a.id, 'case_gone'] })
    expect(stale.code).toBe('NOT_FOUND')
    expect(stale.message).toContain('case_gone')
    expect(await call(core, 'cases.delete', { caseIds: [a.id, c.id] })).toEqual({ deleted: 2 })
    expect((await allCases(core, id)).map((x) => x.id)).toEqual([b.id])
    core.close()
  })
})

describe('cases.duplicate', () => {
  it('appends copies keyed <key>-copy, -copy-2 …, in the originals’ order', async () => {
    const core = demoCore(newHome())
    const id = await emptyDataset(core)
    const a = await add(core, id, { key: 'a' })
    const b = await add(core, id, { key: 'b', notes: 'second' })
    const copies = await call<DatasetCase[]>(core, 'cases.duplicate', { caseIds: [b.id, a.id] })
    expect(copies.map((c) => c.key)).toEqual(['a-copy', 'b-copy'])
    expect(copies[1]).toMatchObject({ notes: 'second', vars: b.vars })
    const again = await call<DatasetCase[]>(core, 'cases.duplicate', { caseIds: [a.id] })
    expect(again.map((c) => c.key)).toEqual(['a-copy-2'])
    expect((await allCases(core, id)).map((c) => c.key)).toEqual(['a', 'b', 'a-copy', 'b-copy', 'a-copy-2'])
    core.close()
  })

  it('works on one dataset at a time', async () => {
    const core = demoCore(newHome())
    const one = await add(core, await emptyDataset(core, 'One'))
    const two = await add(core, await emptyDataset(core, 'Two'))
    const error = await failure(core, 'cases.duplicate', { caseIds: [one.id, two.id] })
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'Choose cases of one dataset at a time' })
    core.close()
  })
})

describe('cases.tag', () => {
  it('adds and removes tags in bulk, de-duplicated and sorted, counting only cases that changed', async () => {
    const core = demoCore(newHome())
    const id = await emptyDataset(core)
    const cases = [] as DatasetCase[]
    for (let i = 0; i < 12; i++) cases.push(await add(core, id, { tags: i < 2 ? ['vip'] : ['segment:smb'] }))
    const ten = cases.slice(0, 10).map((c) => c.id)
    expect(await call(core, 'cases.tag', { caseIds: ten, add: ['vip', 'cohort:q3'] })).toEqual({
      updated: 10,
    })
    expect(await call(core, 'cases.tag', { caseIds: ten, add: ['vip'] })).toEqual({ updated: 0 })
    const after = await allCases(core, id)
    expect(after[0]?.tags).toEqual(['cohort:q3', 'vip'])
    expect(after[5]?.tags).toEqual(['cohort:q3', 'segment:smb', 'vip'])
    expect(after[11]?.tags).toEqual(['segment:smb'])
    const detail = await call<DatasetDetail>(core, 'datasets.get', { id })
    expect(detail.dataset.tagCounts).toEqual({ 'cohort:q3': 10, 'segment:smb': 10, vip: 10 })
    expect(await call(core, 'cases.tag', { caseIds: ten, remove: ['vip'] })).toEqual({ updated: 10 })
    expect((await failure(core, 'cases.tag', { caseIds: ten })).message).toContain('at least one tag')
    expect((await failure(core, 'cases.tag', { caseIds: ten, add: ['x'], remove: ['x'] })).code).toBe(
      'INVALID_INPUT',
    )
    core.close()
  })
})
