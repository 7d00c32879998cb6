import { describe, expect, it } from 'vitest'
import type { DatasetCasePage, DatasetSummary } from '../../../../shared/domain/datasets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'

const newHome = useTempHomes()

describe('datasets.cases', () => {
  it('pages the cases of a dataset in position order', async () => {
    const core = demoCore(newHome())
    const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
    const first = await call<DatasetCasePage>(core, 'datasets.cases', { datasetId: dataset?.id })
    expect(first.total).toBe(145)
    expect(first.offset).toBe(0)
    expect(first.cases).toHaveLength(100)
    expect(first.cases[0]).toMatchObject({
      key: 'tkt-0001',
      vars: { customer_tier: 'enterprise', channel: 'email' },
    })
    expect(first.cases[0]?.tags).toContain('segment:enterprise')
    const last = await call<DatasetCasePage>(core, 'datasets.cases', {
      datasetId: dataset?.id,
      offset: 140,
      limit: 10,
    })
    expect(last.cases).toHaveLength(5)
    expect(last.cases[0]?.key).toBe('tkt-0141')
    core.close()
  })

  it('answers NOT_FOUND for an unknown dataset and refuses pages over 500', async () => {
    const core = demoCore(newHome())
    expect((await failure(core, 'datasets.cases', { datasetId: 'ds_missing' })).code).toBe('NOT_FOUND')
    expect((await failure(core, 'datasets.cases', { datasetId: 'x', limit: 501 })).code).toBe('INVALID_INPUT')
    core.close()
  })
})
