import { describe, expect, it } from 'vitest'
import type { Queue, QueuePreview } from '../../../../shared/domain/review'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import { createQueue, march, reviewSetup, september } from './helpers'

const tempHome = useTempHomes()

describe('queue preview: the item count before creating', () => {
  it('a sample size counts cases: each sampled case brings its output of every slice, as creating does', async () => {
    const s = await reviewSetup(tempHome(), ['Ana'], true)
    const source = { kind: 'sample', n: 3, seed: 5 }
    const preview = await call<QueuePreview>(s.core, 'queues.preview', {
      runId: s.run.id,
      mode: 'single',
      source,
    })
    expect(preview).toEqual({ cases: 3, slices: 4, items: 12 })
    const queue = await createQueue(s.core, {
      name: 'Sampled',
      runId: s.run.id,
      rubricId: s.rubricId,
      source,
      reviewerIds: [s.reviewers[0]?.id],
    })
    expect(queue.items).toBe(preview.items)

    const pair = {
      a: { promptVersionId: s.v4, provider: march.provider, modelId: march.model },
      b: { promptVersionId: s.v5, provider: september.provider, modelId: september.model },
    }
    const pairwise = await call<QueuePreview>(s.core, 'queues.preview', {
      runId: s.run.id,
      mode: 'pairwise',
      pair,
      source,
    })
    expect(pairwise).toEqual({ cases: 3, slices: 2, items: 3 })
    s.core.close()
  })

  it('says why a selection makes no queue', async () => {
    const s = await reviewSetup(tempHome(), ['Ana'])
    const none = await failure(s.core, 'queues.preview', {
      runId: s.run.id,
      mode: 'single',
      source: { kind: 'filter', tag: 'no-such-tag' },
    })
    expect(none.message).toBe('No results of the run match this selection')
    expect((await call<Queue[]>(s.core, 'queues.list', {})).length).toBe(0)
    s.core.close()
  })
})
