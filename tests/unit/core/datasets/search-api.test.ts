import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetCasePage, DatasetDetail } from '../../../../shared/domain/datasets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { demoDataset, importAsNew } from './api-helpers'

const newHome = useTempHomes()

const page = (core: Core, datasetId: string, input: Record<string, unknown>) =>
  call<DatasetCasePage>(core, 'datasets.cases', { datasetId, ...input })
const keys = (p: DatasetCasePage) => p.cases.map((c) => c.key)

const jsonl = [
  { key: 'pct', vars: { q: 'We got 100% off' }, tags: ['promo', 'segment:smb'] },
  { key: 'plain', vars: { q: 'We got 1000 off' }, tags: ['segment:smb'] },
  { key: 'under_score', vars: { q: 'snake' }, tags: ['segment:enterprise'] },
  { key: 'underXscore', vars: { q: 'no underscore here' }, tags: [] },
  { key: 'slash', vars: { q: 'C:\\Temp\\x' }, tags: ['promo'] },
  { key: 'exp', vars: { q: 'other' }, expected: { category: 'Billing' }, tags: [], notes: 'Call BACK' },
  {
    key: 'output',
    vars: { q: 'other' },
    expectedOutput: 'Shipping label',
    tags: ['segment:enterprise', 'promo'],
  },
]
  .map((c) => JSON.stringify({ expected: {}, expectedOutput: null, notes: '', ...c }))
  .join('\n')

async function searchable(core: Core): Promise<string> {
  return (await importAsNew(core, 'search.jsonl', jsonl, 'Search')).dataset.id
}

describe('datasets.cases search and tag filter', () => {
  it('treats %, _ and \\ literally', async () => {
    const core = demoCore(newHome())
    const id = await searchable(core)
    expect(keys(await page(core, id, { search: '100%' }))).toEqual(['pct'])
    expect(keys(await page(core, id, { search: '%' }))).toEqual(['pct'])
    expect(keys(await page(core, id, { search: 'under_score' }))).toEqual(['under_score'])
    expect(keys(await page(core, id, { search: '_' }))).toEqual(['under_score'])
    expect(keys(await page(core, id, { search: 'C:\\Temp' }))).toEqual(['slash'])
    core.close()
  })

  it('searches key, variable values, expected fields, expected output and notes, ignoring case', async () => {
    const core = demoCore(newHome())
    const id = await searchable(core)
    expect(keys(await page(core, id, { search: 'billing' }))).toEqual(['exp'])
    expect(keys(await page(core, id, { search: 'call back' }))).toEqual(['exp'])
    expect(keys(await page(core, id, { search: 'SHIPPING' }))).toEqual(['output'])
    expect(keys(await page(core, id, { search: 'PLAIN' }))).toEqual(['plain'])
    // Variable names are shared by every case: searching one finds nothing.
    expect((await page(core, id, { search: 'q' })).total).toBe(0)
    expect(keys(await page(core, id, { search: '  got   off ' }))).toEqual(['pct', 'plain'])
    core.close()
  })

  it('filters by tags (every tag required) together with search, and pages the result', async () => {
    const core = demoCore(newHome())
    const id = await searchable(core)
    expect(keys(await page(core, id, { tags: ['promo'] }))).toEqual(['pct', 'slash', 'output'])
    expect(keys(await page(core, id, { tags: ['promo', 'segment:smb'] }))).toEqual(['pct'])
    expect(keys(await page(core, id, { tags: ['promo'], search: 'shipping' }))).toEqual(['output'])
    const second = await page(core, id, { tags: ['promo'], offset: 1, limit: 1 })
    expect(second).toMatchObject({ total: 3, offset: 1 })
    expect(keys(second)).toEqual(['slash'])
    expect((await page(core, id, { tags: ['nope'] })).total).toBe(0)
    core.close()
  })

  it('pages a snapshot with the same filters, and refuses a snapshot of another dataset', async () => {
    const core = demoCore(newHome())
    const demo = await demoDataset(core)
    const detail = await call<DatasetDetail>(core, 'datasets.get', { id: demo.id })
    const snapshotId = detail.snapshots[0]?.id
    const working = await page(core, demo.id, { tags: ['lang:de'], limit: 500 })
    const frozen = await page(core, demo.id, { snapshotId, tags: ['lang:de'], limit: 500 })
    expect(frozen).toEqual(working)
    expect(working.total).toBe(6)
    const other = await searchable(core)
    const error = await failure(core, 'datasets.cases', { datasetId: other, snapshotId })
    expect(error.code).toBe('NOT_FOUND')
    core.close()
  })
})
