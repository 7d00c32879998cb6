import { describe, expect, it } from 'vitest'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import { allItems, createQueue, march, reviewSetup } from './helpers'

const tempHome = useTempHomes()

const base = (runId: string, rubricId: string, reviewerIds: string[]) => ({
  name: 'Category check',
  runId,
  rubricId,
  criterionKeys: ['category_correct'],
  reviewerIds,
})

describe('review queues: creation', () => {
  it('selects all results, a seeded sample of cases, failing results, or a filter', async () => {
    const s = await reviewSetup(tempHome(), ['Ana', 'Ben'])
    const ids = s.reviewers.map((r) => r.id)
    const all = await createQueue(s.core, { ...base(s.run.id, s.rubricId, ids), source: { kind: 'all' } })
    expect(all.items).toBe(s.run.counts.done)
    const sample = await createQueue(s.core, {
      ...base(s.run.id, s.rubricId, ids),
      source: { kind: 'sample', n: 20, seed: 7 },
    })
    expect(sample.items).toBe(20)
    const failed = await call<{ total: number }>(s.core, 'runs.scores', {
      runId: s.run.id,
      metric: 'rule.category',
      failedOnly: true,
      offset: 0,
      limit: 1,
    })
    expect(failed.total).toBeGreaterThan(0)
    const failing = await createQueue(s.core, {
      ...base(s.run.id, s.rubricId, ids),
      source: { kind: 'failing', metric: 'rule.category' },
    })
    expect(failing.items).toBe(failed.total)
    // One reviewer per item (the default): the two reviewers share the sample, ten each.
    const items = await allItems(s.core, sample.id, ids[0] ?? '')
    expect(items).toHaveLength(10)
    const caseKeys = new Set(items.map((i) => i.caseKey))
    expect(caseKeys.size).toBe(10)
    const none = await failure(s.core, 'queues.create', {
      ...base(s.run.id, s.rubricId, ids),
      source: { kind: 'filter', modelId: 'no-such-model' },
    })
    expect(none.message).toMatch(/No results of the run match/)
    const byModel = await createQueue(s.core, {
      ...base(s.run.id, s.rubricId, ids),
      source: { kind: 'filter', modelId: march.model, tag: 'segment:enterprise' },
    })
    expect(byModel.items).toBeGreaterThan(0)
    expect(byModel.items).toBeLessThan(all.items)
    expect(all.criterionKeys).toEqual(['category_correct'])
    expect(all.progress.map((p) => [p.reviewerName, p.assigned, p.done])).toEqual([
      ['Ana', 73, 0],
      ['Ben', 72, 0],
    ])
    s.core.close()
  })

  it('spreads items evenly, orders each reviewer differently and the same for the same seed', async () => {
    const s = await reviewSetup(tempHome(), ['Ana', 'Ben', 'Cy'])
    const ids = s.reviewers.map((r) => r.id)
    const draft = {
      ...base(s.run.id, s.rubricId, ids),
      source: { kind: 'sample', n: 20, seed: 3 },
      reviewersPerItem: 2,
    }
    const q1 = await createQueue(s.core, draft)
    expect(q1.progress.map((p) => p.assigned).sort()).toEqual([13, 13, 14])
    const q2 = await createQueue(s.core, draft)
    const keys = async (queueId: string, reviewerId: string) =>
      (await allItems(s.core, queueId, reviewerId)).map((i) => i.caseKey)
    const [ana1, ben1, ana2] = await Promise.all([
      keys(q1.id, ids[0] ?? ''),
      keys(q1.id, ids[1] ?? ''),
      keys(q2.id, ids[0] ?? ''),
    ])
    expect(ana2).toEqual(ana1)
    expect(new Set(ana1).size).toBe(ana1.length)
    const shared = ana1.filter((k) => ben1.includes(k))
    expect(shared.length).toBeGreaterThan(1)
    expect(ben1.filter((k) => shared.includes(k))).not.toEqual(shared)
    s.core.close()
  })

  it('is blind by default and shows version and model only when not blind', async () => {
    const s = await reviewSetup(tempHome(), ['Ana'])
    const ids = s.reviewers.map((r) => r.id)
    const source = { kind: 'sample', n: 2, seed: 1 }
    const blind = await createQueue(s.core, { ...base(s.run.id, s.rubricId, ids), source })
    const open = await createQueue(s.core, { ...base(s.run.id, s.rubricId, ids), source, blind: false })
    const [hidden] = await allItems(s.core, blind.id, ids[0] ?? '')
    const [shown] = await allItems(s.core, open.id, ids[0] ?? '')
    expect(blind.blind).toBe(true)
    expect(hidden?.outputs).toEqual([
      expect.objectContaining({ side: 'output', promptVersionNumber: null, modelId: null }),
    ])
    expect(shown?.outputs[0]).toMatchObject({ promptVersionNumber: 4, modelId: march.model })
    expect(hidden?.input).toEqual(expect.objectContaining({}))
    expect(Object.keys(hidden?.input ?? {}).length).toBeGreaterThan(0)
    s.core.close()
  })

  it('refuses unknown criteria, too few reviewers and duplicate reviewer names with clear messages', async () => {
    const s = await reviewSetup(tempHome(), ['Ana'])
    const ids = s.reviewers.map((r) => r.id)
    const source = { kind: 'all' }
    const unknown = await failure(s.core, 'queues.create', {
      ...base(s.run.id, s.rubricId, ids),
      criterionKeys: ['nope'],
      source,
    })
    expect(unknown.message).toMatch(/no criterion nope/)
    const tooFew = await failure(s.core, 'queues.create', {
      ...base(s.run.id, s.rubricId, ids),
      source,
      reviewersPerItem: 2,
    })
    expect(tooFew.message).toMatch(/needs 2 reviewers, but only 1/)
    const dup = await failure(s.core, 'reviewers.create', { name: 'ana' })
    expect(dup).toMatchObject({ code: 'CONFLICT' })
    expect(await call(s.core, 'queues.list', {})).toEqual([])
    s.core.close()
  })
})
