import { describe, expect, it } from 'vitest'
import { FakeBatchApi, type Fate } from '../../../../fixtures/batch/fake-batch-api'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { allResults, batchWorkspace, settled, startBatchRun } from './batch-setup'

const tempHome = useTempHomes()

describe('items the provider cancelled or refused although the run did not cancel', () => {
  it('are sent again in later jobs, at most three times, then recorded with what happened', async () => {
    // The first item the provider meets is cancelled in every job, the second once, the third's key refused once.
    const seen = new Map<string, Fate[]>()
    const fateOf = (order: number, sentBefore: number): Fate => {
      if (order === 0) return 'cancelled'
      if (sentBefore > 0) return 'ok'
      return order === 1 ? 'cancelled' : order === 2 ? 'auth' : 'ok'
    }
    const api = new FakeBatchApi('acme-openai', {
      fate: (key, sentBefore) => {
        const order = seen.has(key) ? [...seen.keys()].indexOf(key) : seen.size
        const f = fateOf(order, sentBefore)
        seen.set(key, [...(seen.get(key) ?? []), f])
        return f
      },
    })
    const ws = await batchWorkspace(tempHome(), api, 6)
    const run = await startBatchRun(ws.core, ws)
    const done = await settled(ws.core, run.id)
    expect(done.status).toBe('completed')
    const results = await allResults(ws.core, run.id)
    expect(results).toHaveLength(6)
    const fates = [...seen.values()]
    expect(fates[0]).toEqual(['cancelled', 'cancelled', 'cancelled'])
    expect(fates[1]).toEqual(['cancelled', 'ok'])
    expect(fates[2]).toEqual(['auth', 'ok'])
    const errors = results.filter((r) => r.errorKind !== null)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      attempts: 3,
      errorMessage: 'cancelled at the provider (not by Eval Lab) in 3 batch jobs',
    })
    expect(results.filter((r) => r.errorKind === null && r.attempts === 2)).toHaveLength(2)
    ws.core.close()
  })
})
