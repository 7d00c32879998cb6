import { describe, expect, it } from 'vitest'
import type { CorrectionTarget, ExpectedCorrection } from '../../../../shared/domain/corrections'
import type { DatasetCase, SnapshotDiff } from '../../../../shared/domain/datasets'
import type { QueueReport } from '../../../../shared/domain/review'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import { allItems, createQueue, reviewSetup, score, type ReviewSetup } from '../review/helpers'
import { allCases } from './api-helpers'

const tempHome = useTempHomes()

/** A two-item queue where Ana passes and Ben fails every item: two disagreements to adjudicate. */
async function disagreeing(home: string) {
  const s = await reviewSetup(home, ['Ana', 'Ben'])
  const [ana, ben] = s.reviewers.map((r) => r.id) as [string, string]
  const queue = await createQueue(s.core, {
    name: 'Category check',
    runId: s.run.id,
    rubricId: s.rubricId,
    criterionKeys: ['category_correct'],
    source: { kind: 'sample', n: 2, seed: 3 },
    reviewersPerItem: 2,
    reviewerIds: [ana, ben],
  })
  for (const [who, raw] of [[ana, 1] as const, [ben, 0] as const]) {
    for (const item of await allItems(s.core, queue.id, who)) {
      await score(s.core, item.assignmentId, 'category_correct', raw)
    }
  }
  const report = await call<QueueReport>(s.core, 'queues.report', { queueId: queue.id })
  return { ...s, queue, disagreements: report.disagreements }
}

const datasetOf = (s: ReviewSetup) => s.run.plan.datasetId
const caseByKey = async (s: ReviewSetup, key: string): Promise<DatasetCase> => {
  const found = (await allCases(s.core, datasetOf(s))).find((c) => c.key === key)
  if (!found) throw new Error(`no case ${key}`)
  return found
}
const diffToWorking = (s: ReviewSetup, from = s.run.datasetSnapshotId) =>
  call<SnapshotDiff>(s.core, 'datasets.diffSnapshots', { datasetId: datasetOf(s), from, to: 'working' })

describe('corrections reach the dataset', () => {
  it('an adjudication that updates the expected value changes the working case, and the diff says who, why and which run', async () => {
    const s = await disagreeing(tempHome())
    const [d] = s.disagreements
    if (!d?.caseKey) throw new Error('no disagreement')
    expect(d.correctable).toBe(true)
    expect(d.expected).toHaveProperty('category')
    const report = await call<QueueReport>(s.core, 'queues.adjudicate', {
      queueId: s.queue.id,
      itemId: d.itemId,
      criterionKey: 'category_correct',
      raw: 1,
      reason: 'The routing guide files refunds under account',
      expected: { field: 'category', value: 'account' },
    })
    const adjudicated = report.disagreements.find((x) => x.itemId === d.itemId)?.adjudicated
    expect(adjudicated?.corrected).toEqual({ field: 'category', value: 'account' })
    const changed = await caseByKey(s, d.caseKey)
    expect(changed.expected['category']).toBe('account')
    // Every other expected field stays as it was.
    expect({ ...changed.expected, category: d.expected['category'] }).toEqual(d.expected)

    const diff = await diffToWorking(s)
    expect(diff.edited.map((e) => e.key)).toEqual([d.caseKey])
    expect(diff.edited[0]?.fields).toEqual(['expected.category'])
    expect(diff.edited[0]?.corrections).toEqual([
      expect.objectContaining({
        key: d.caseKey,
        field: 'category',
        before: d.expected['category'],
        after: 'account',
        reason: 'The routing guide files refunds under account',
        by: 'tester',
        runId: s.run.id,
        runName: s.run.name,
        origin: { kind: 'review', queueId: s.queue.id, itemId: d.itemId },
      }),
    ])
    s.core.close()
  })

  it("a run result's correction is listed up to the snapshot that took it in, not after", async () => {
    const s = await disagreeing(tempHome())
    const [target] = await allCases(s.core, datasetOf(s))
    if (!target) throw new Error('no case')
    const correction = await call<ExpectedCorrection>(s.core, 'cases.correctExpected', {
      runId: s.run.id,
      caseId: target.id,
      field: 'priority',
      value: 'p1',
      reason: 'An enterprise outage is p1',
    })
    expect(correction).toMatchObject({ origin: { kind: 'result' }, snapshotNumber: 1, by: 'tester' })
    const snapshot = await call<{ id: string }>(s.core, 'datasets.snapshot', {
      datasetId: datasetOf(s),
      message: 'Corrected priority',
    })
    const taken = await call<SnapshotDiff>(s.core, 'datasets.diffSnapshots', {
      datasetId: datasetOf(s),
      from: s.run.datasetSnapshotId,
      to: snapshot.id,
    })
    expect(taken.edited[0]?.corrections?.map((c) => c.reason)).toEqual(['An enterprise outage is p1'])
    expect((await diffToWorking(s, snapshot.id)).edited).toEqual([])
    s.core.close()
  })

  it('refuses a case gone from the working copy, or whose expected value changed since the run, and keeps nothing', async () => {
    const s = await disagreeing(tempHome())
    const [gone, edited] = await allCases(s.core, datasetOf(s))
    if (!gone || !edited) throw new Error('no cases')
    await call(s.core, 'cases.delete', { caseIds: [gone.id] })
    const request = { runId: s.run.id, field: 'category', value: 'account', reason: 'Misfiled' }
    const target = await call<CorrectionTarget>(s.core, 'cases.correctionTarget', {
      runId: s.run.id,
      caseId: gone.id,
    })
    expect(target).toMatchObject({ caseKey: gone.key, expected: gone.expected, working: null })
    const deleted = await failure(s.core, 'cases.correctExpected', { ...request, caseId: gone.id })
    expect(deleted.code).toBe('NOT_FOUND')
    expect(deleted.message).toContain(`Case "${gone.key}" is no longer in the working copy`)

    await call(s.core, 'cases.update', {
      caseId: edited.id,
      patch: { expected: { ...edited.expected, category: 'bug' } },
    })
    const moved = await failure(s.core, 'cases.correctExpected', { ...request, caseId: edited.id })
    expect(moved.code).toBe('CONFLICT')
    expect(moved.message).toContain(`changed since run "${s.run.name}"`)
    expect((await caseByKey(s, edited.key)).expected['category']).toBe('bug')

    const same = await failure(s.core, 'cases.correctExpected', {
      ...request,
      caseId: (await allCases(s.core, datasetOf(s)))[2]?.id,
      value: (await allCases(s.core, datasetOf(s)))[2]?.expected['category'],
    })
    expect(same.message).toMatch(/is already .*enter a different value/)
    s.core.close()
  })

  it('an adjudication whose correction is refused is not saved either', async () => {
    const s = await disagreeing(tempHome())
    const [d] = s.disagreements
    if (!d?.caseKey) throw new Error('no disagreement')
    const c = await caseByKey(s, d.caseKey)
    await call(s.core, 'cases.delete', { caseIds: [c.id] })
    const refused = await failure(s.core, 'queues.adjudicate', {
      queueId: s.queue.id,
      itemId: d.itemId,
      criterionKey: 'category_correct',
      raw: 0,
      reason: 'Wrong label',
      expected: { field: 'category', value: 'account' },
    })
    expect(refused.code).toBe('NOT_FOUND')
    const report = await call<QueueReport>(s.core, 'queues.report', { queueId: s.queue.id })
    expect(report.disagreements.find((x) => x.itemId === d.itemId)?.adjudicated).toBeNull()
    s.core.close()
  })
})
