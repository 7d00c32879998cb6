import { describe, expect, it } from 'vitest'
import type { QueueReport, ReviewItem } from '../../../../shared/domain/review'
import type { RunSummary } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { allItems, createQueue, reviewSetup, score } from './helpers'

const tempHome = useTempHomes()

/**
 * 20 items, both reviewers on each: 8 both pass, 5 both fail, 4 Ana passes and Ben fails, 3 the reverse.
 * p_o = 13/20 = .65; Ana passes 12, Ben 11, so p_e = (12·11 + 8·9)/400 = .51 and κ = .14/.49 = 2/7.
 */
const plan = (i: number): [number, number] => (i < 8 ? [1, 1] : i < 13 ? [0, 0] : i < 17 ? [1, 0] : [0, 1])

async function scoredQueue(home: string) {
  const s = await reviewSetup(home, ['Ana', 'Ben'])
  const [ana, ben] = s.reviewers.map((r) => r.id) as [string, string]
  const queue = await createQueue(s.core, {
    name: 'Category agreement',
    runId: s.run.id,
    rubricId: s.rubricId,
    criterionKeys: ['category_correct'],
    source: { kind: 'sample', n: 20, seed: 11 },
    reviewersPerItem: 2,
    reviewerIds: [ana, ben],
  })
  const anaItems = await allItems(s.core, queue.id, ana)
  const benItems = await allItems(s.core, queue.id, ben)
  const keys = anaItems.map((i) => i.caseKey ?? '').sort()
  const rawOf = (item: ReviewItem, who: 0 | 1) => plan(keys.indexOf(item.caseKey ?? ''))[who]
  for (const item of anaItems) await score(s.core, item.assignmentId, 'category_correct', rawOf(item, 0))
  for (const item of benItems) await score(s.core, item.assignmentId, 'category_correct', rawOf(item, 1))
  return { ...s, queue, keys }
}

const humanMetric = (summary: RunSummary) =>
  summary.slices[0]?.metrics.find((m) => m.metric === 'human.category_correct')

describe('queue report and adjudication', () => {
  it("reports Cohen's κ, Krippendorff's α and percent agreement, and lists the disagreements", async () => {
    const s = await scoredQueue(tempHome())
    const report = await call<QueueReport>(s.core, 'queues.report', { queueId: s.queue.id })
    const [agreement] = report.agreement
    expect(agreement).toMatchObject({ criterionKey: 'category_correct', items: 20, reviewers: 2 })
    expect(agreement?.cohensKappa).toBeCloseTo(2 / 7, 10)
    expect(agreement?.percentAgreement).toBeCloseTo(0.65, 10)
    // Coincidences: 16 pass–pass, 10 fail–fail, 7 + 7 mixed; n = 40, n_pass = 23, n_fail = 17, so
    // α = 1 − (n − 1)·14 / (2·23·17) = 1 − 546/782.
    expect(agreement?.krippendorffAlpha).toBeCloseTo(1 - 546 / 782, 10)
    expect(report.disagreements).toHaveLength(7)
    expect(report.disagreements[0]?.scores.map((x) => x.reviewerName).sort()).toEqual(['Ana', 'Ben'])
    expect(report.winRate).toBeNull()
    expect(report.calibration).toEqual([])
    s.core.close()
  })

  it('feeds final human scores into the run summary; an adjudication becomes final and updates it', async () => {
    const s = await scoredQueue(tempHome())
    const before = humanMetric(await call<RunSummary>(s.core, 'runs.summary', { runId: s.run.id }))
    // Ties on pass/fail wait for adjudication: 13 agreed items count, 8 of them passes.
    expect(before).toMatchObject({ kind: 'pass_rate', n: 13 })
    expect(before?.value).toBeCloseTo(8 / 13, 10)
    const report = await call<QueueReport>(s.core, 'queues.report', { queueId: s.queue.id })
    const open = report.disagreements[0]
    const after = await call<QueueReport>(s.core, 'queues.adjudicate', {
      queueId: s.queue.id,
      itemId: open?.itemId,
      criterionKey: 'category_correct',
      raw: 1,
      reason: 'Billing page broken before renewal is billing',
    })
    expect(after.disagreements.find((d) => d.itemId === open?.itemId)?.adjudicated).toEqual({
      raw: 1,
      by: 'tester',
      reason: 'Billing page broken before renewal is billing',
    })
    const summary = humanMetric(await call<RunSummary>(s.core, 'runs.summary', { runId: s.run.id }))
    expect(summary?.n).toBe(14)
    expect(summary?.value).toBeCloseTo(9 / 14, 10)
    s.core.close()
  })

  it('calibrates the LLM judge against the human scores of the same outputs', async () => {
    const s = await reviewSetup(tempHome(), ['Ana'])
    const ana = s.reviewers[0]?.id ?? ''
    const queue = await createQueue(s.core, {
      name: 'Priority',
      runId: s.run.id,
      rubricId: s.rubricId,
      criterionKeys: ['priority_reasonable'],
      source: { kind: 'sample', n: 6, seed: 5 },
      reviewerIds: [ana],
    })
    for (const item of await allItems(s.core, queue.id, ana))
      await score(s.core, item.assignmentId, 'priority_reasonable', 5)
    const report = await call<QueueReport>(s.core, 'queues.report', { queueId: queue.id })
    expect(report.agreement[0]).toMatchObject({ items: 0, cohensKappa: null })
    expect(report.calibration).toHaveLength(1)
    const [judge] = report.calibration
    expect(judge).toMatchObject({
      criterionKey: 'priority_reasonable',
      judgeMetric: 'judge.priority_reasonable',
    })
    expect(judge?.items).toBe(6)
    expect(judge?.percentAgreement).toBeGreaterThanOrEqual(0)
    s.core.close()
  })
})
