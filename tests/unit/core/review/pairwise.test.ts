import { describe, expect, it } from 'vitest'
import type { QueueReport, ReviewItem } from '../../../../shared/domain/review'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { allItems, createQueue, march, reviewSetup, september } from './helpers'

const tempHome = useTempHomes()

describe('pairwise review', () => {
  it('randomises sides per assignment, maps preferences back through them and reports the win rate', async () => {
    const s = await reviewSetup(tempHome(), ['Ana'], true)
    const ana = s.reviewers[0]?.id ?? ''
    const pair = {
      a: { promptVersionId: s.v4, provider: march.provider, modelId: march.model },
      b: { promptVersionId: s.v5, provider: september.provider, modelId: september.model },
    }
    const queue = await createQueue(s.core, {
      name: 'v4 against v5',
      runId: s.run.id,
      rubricId: s.rubricId,
      criterionKeys: ['category_correct'],
      mode: 'pairwise',
      pair,
      source: { kind: 'sample', n: 12, seed: 4 },
      reviewerIds: [ana],
      blind: false,
    })
    expect(queue.items).toBe(12)
    const items = await allItems(s.core, queue.id, ana)
    const leftVersions = items.map((i) => i.outputs[0]?.promptVersionNumber)
    expect(new Set(leftVersions)).toEqual(new Set([4, 5]))
    // Ana prefers v4 on 9 items wherever it is shown, calls 2 equal and prefers v5 once: 9.5/12 for v4.
    const preference = (item: ReviewItem, i: number): 'a' | 'b' | 'equal' => {
      if (i >= 9 && i < 11) return 'equal'
      const v4Side = item.outputs.find((o) => o.promptVersionNumber === 4)?.side as 'a' | 'b'
      const v5Side = v4Side === 'a' ? 'b' : 'a'
      return i === 11 ? v5Side : v4Side
    }
    for (const [i, item] of items.entries()) {
      const saved = await call<ReviewItem>(s.core, 'review.score', {
        assignmentId: item.assignmentId,
        preference: preference(item, i),
      })
      expect(saved).toMatchObject({ status: 'done', preference: preference(item, i) })
    }
    const report = await call<QueueReport>(s.core, 'queues.report', { queueId: queue.id })
    expect(report.winRate).toMatchObject({ a: pair.a, b: pair.b, judgments: 12, aWins: 9, bWins: 1, ties: 2 })
    expect(report.winRate?.winRateA).toBeCloseTo(10 / 12, 10)
    expect(report.winRate?.ci95?.low).toBeLessThan(10 / 12)
    s.core.close()
  })
})
