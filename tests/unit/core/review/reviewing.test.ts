import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { ReviewItem } from '../../../../shared/domain/review'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import { createQueue, itemOf, reviewSetup, score } from './helpers'

const tempHome = useTempHomes()

async function twoCriteriaQueue(home: string) {
  const s = await reviewSetup(home, ['Ana'])
  const reviewer = s.reviewers[0]?.id ?? ''
  const queue = await createQueue(s.core, {
    name: 'Two criteria',
    runId: s.run.id,
    rubricId: s.rubricId,
    criterionKeys: ['category_correct', 'priority_reasonable'],
    source: { kind: 'sample', n: 3, seed: 2 },
    reviewerIds: [reviewer],
  })
  return { ...s, reviewer, queue }
}

const humanScores = async (s: { core: Core; run: { id: string } }) =>
  (
    await call<{ total: number }>(s.core, 'runs.scores', {
      runId: s.run.id,
      metric: 'human.category_correct',
      offset: 0,
      limit: 10,
    })
  ).total

describe('reviewing one item at a time', () => {
  it('autosaves each criterion, is done when all are scored, and moves on to the next pending item', async () => {
    const s = await twoCriteriaQueue(tempHome())
    const first = await itemOf(s.core, s.queue.id, s.reviewer)
    expect(first).toMatchObject({ position: 1, total: 3, status: 'pending', scores: [] })
    const id = first?.assignmentId ?? ''
    const half = await score(s.core, id, 'category_correct', 1, 'right queue')
    expect(half.status).toBe('pending')
    expect(half.scores).toEqual([{ criterionKey: 'category_correct', raw: 1, comment: 'right queue' }])
    const done = await score(s.core, id, 'priority_reasonable', 4)
    expect(done.status).toBe('done')
    expect((await itemOf(s.core, s.queue.id, s.reviewer))?.position).toBe(2)
    const again = await itemOf(s.core, s.queue.id, s.reviewer, 1)
    expect(again?.scores).toHaveLength(2)
    const queue = await call<{ progress: { done: number }[] }>(s.core, 'queues.get', { queueId: s.queue.id })
    expect(queue.progress[0]?.done).toBe(1)
    s.core.close()
  })

  it('refuses a score off the scale, a criterion outside the queue and a preference on a single item', async () => {
    const s = await twoCriteriaQueue(tempHome())
    const id = (await itemOf(s.core, s.queue.id, s.reviewer))?.assignmentId ?? ''
    expect(
      (
        await failure(s.core, 'review.score', {
          assignmentId: id,
          score: { criterionKey: 'priority_reasonable', raw: 6, comment: '' },
        })
      ).message,
    ).toMatch(/6 is not a score on the scale of "Priority is reasonable" \(1–5\)/)
    expect(
      (
        await failure(s.core, 'review.score', {
          assignmentId: id,
          score: { criterionKey: 'tone', raw: 1, comment: '' },
        })
      ).message,
    ).toMatch(/does not review the criterion "tone"/)
    expect((await failure(s.core, 'review.score', { assignmentId: id, preference: 'a' })).message).toMatch(
      /Only a pairwise item/,
    )
    s.core.close()
  })

  it('skips with a reason, and undo restores exactly the state before each change', async () => {
    const s = await twoCriteriaQueue(tempHome())
    const first = (await itemOf(s.core, s.queue.id, s.reviewer)) as ReviewItem
    const id = first.assignmentId
    await score(s.core, id, 'category_correct', 1, 'ok')
    const complete = await score(s.core, id, 'priority_reasonable', 2)
    await score(s.core, id, 'priority_reasonable', 5, 'changed my mind')
    const skipped = await call<ReviewItem>(s.core, 'review.skip', {
      assignmentId: id,
      reason: 'Ticket is not English',
    })
    expect(skipped).toMatchObject({ status: 'skipped', skipReason: 'Ticket is not English' })
    expect((await itemOf(s.core, s.queue.id, s.reviewer))?.position).toBe(2)

    const undo = () =>
      call<ReviewItem | null>(s.core, 'review.undo', { queueId: s.queue.id, reviewerId: s.reviewer })
    const unskipped = await undo()
    expect(unskipped).toMatchObject({ status: 'done', skipReason: null, position: 1 })
    expect(unskipped?.scores).toContainEqual({
      criterionKey: 'priority_reasonable',
      raw: 5,
      comment: 'changed my mind',
    })
    expect(await undo()).toEqual(complete)
    const half = await undo()
    expect(half).toMatchObject({
      status: 'pending',
      scores: [{ criterionKey: 'category_correct', raw: 1, comment: 'ok' }],
    })
    expect(await humanScores(s)).toBe(1)
    expect(await undo()).toEqual(first)
    expect(await undo()).toBeNull()
    // Undoing the only score takes its human run score away again.
    expect(await humanScores(s)).toBe(0)
    s.core.close()
  })
})
