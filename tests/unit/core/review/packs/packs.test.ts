import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../electron/main/core'
import type { Queue, Reviewer } from '../../../../../shared/domain/review'
import { fixedClock, useTempHomes } from '../../../../fixtures/temp-home'
import { call, demoCore, failure } from '../../core-calls'
import { allItems, createQueue, reviewSetup, score, type ReviewSetup } from '../helpers'

const tempHome = useTempHomes()
const opened: Core[] = []
afterEach(() => {
  for (const core of opened.splice(0)) core.close()
})

interface PackFile {
  fileName: string
  content: string
}
interface Merge {
  queue: Queue
  added: number
  updated: number
  unchanged: number
}
interface ScoresJson {
  queueId: string
  assignments: {
    id: string
    status: string
    updatedAt: string
    scores: { criterionKey: string; raw: number; comment: string; updatedAt: string }[]
  }[]
}

const criteria = ['category_correct', 'priority_reasonable']

/** The owner's workspace with a blind queue of 6 items for Ana and Ben, and a reviewer's workspace. */
async function twoWorkspaces(): Promise<{ owner: ReviewSetup; queue: Queue; reviewer: Core }> {
  const owner = await reviewSetup(tempHome(), ['Ana', 'Ben'])
  const queue = await createQueue(owner.core, {
    name: 'Triage spot check',
    runId: owner.run.id,
    rubricId: owner.rubricId,
    criterionKeys: criteria,
    reviewerIds: owner.reviewers.map((r) => r.id),
    reviewersPerItem: 2,
    source: { kind: 'sample', n: 6, seed: 3 },
  })
  // The reviewer's clock runs a day ahead, so what they enter is newer than anything at the owner's.
  const reviewer = demoCore(tempHome(), { now: fixedClock(Date.parse('2026-11-02T10:00:00.000Z')) })
  opened.push(owner.core, reviewer)
  return { owner, queue, reviewer }
}

const exportPack = (core: Core, queueId: string) => call<PackFile>(core, 'queues.exportPack', { queueId })
const importPack = (core: Core, content: string) => call<Queue>(core, 'queues.importPack', { content })
const exportScores = (core: Core, queueId: string) => call<PackFile>(core, 'queues.exportScores', { queueId })
const importScores = (core: Core, content: string) => call<Merge>(core, 'queues.importScores', { content })

async function reviewerNamed(core: Core, name: string): Promise<Reviewer> {
  const found = (await call<Reviewer[]>(core, 'reviewers.list', {})).find((r) => r.name === name)
  if (!found) throw new Error(`no reviewer ${name}`)
  return found
}

/** Ana scores every item on both criteria; Ben scores two items' category and skips one. */
async function reviewThere(core: Core, queueId: string): Promise<void> {
  const ana = await reviewerNamed(core, 'Ana')
  for (const item of await allItems(core, queueId, ana.id)) {
    await score(core, item.assignmentId, 'category_correct', 1)
    await score(core, item.assignmentId, 'priority_reasonable', 4, 'fine')
  }
  const ben = await reviewerNamed(core, 'Ben')
  const [first, second, third] = await allItems(core, queueId, ben.id)
  await score(core, first?.assignmentId ?? '', 'category_correct', 1)
  await score(core, second?.assignmentId ?? '', 'category_correct', 1)
  await call(core, 'review.skip', {
    assignmentId: third?.assignmentId ?? '',
    reason: 'Ticket is not English',
  })
}

/**
 * What a workspace holds for the queue. An assignment's own time stamp is left out: an untouched one
 * carries its queue's creation or import time, which differ by workspace and are not reviewers' work.
 */
async function heldScores(
  core: Core,
  queueId: string,
): Promise<Omit<ScoresJson['assignments'][number], 'updatedAt'>[]> {
  const file = await exportScores(core, queueId)
  return (JSON.parse(file.content) as ScoresJson).assignments.map(({ updatedAt: _at, ...held }) => held)
}

const progressOf = (queue: Queue, name: string) => queue.progress.find((p) => p.reviewerName === name)

describe('review packs', () => {
  it('exports a blind queue with its snapshot and rubric, and no model or prompt version', async () => {
    const { owner, queue } = await twoWorkspaces()
    const file = await exportPack(owner.core, queue.id)
    expect(file.fileName).toBe('triage-spot-check.review-pack.json')
    const pack = JSON.parse(file.content) as Record<string, unknown> & {
      items: { results: unknown; content: { input: Record<string, unknown> } }[]
      assignments: unknown[]
    }
    expect(pack).toMatchObject({
      format: 'evallab.review-pack',
      version: 1,
      queue: { id: queue.id, blind: true, mode: 'single', criterionKeys: criteria },
      rubric: { key: 'triage-quality' },
      reviewers: [{ name: 'Ana' }, { name: 'Ben' }],
    })
    expect(pack.items).toHaveLength(6)
    expect(pack.assignments).toHaveLength(12)
    expect(pack.items.every((i) => i.results === null && Object.keys(i.content.input).length > 0)).toBe(true)
    expect(file.content).not.toMatch(/triage-sim|promptVersionId/)
    expect(file.content.indexOf('"assignments"')).toBeLessThan(file.content.indexOf('"exportedAt"'))
  })

  it('imports a pack as a reviewable queue once, however often it is imported', async () => {
    const { owner, queue, reviewer } = await twoWorkspaces()
    const { content } = await exportPack(owner.core, queue.id)
    const imported = await importPack(reviewer, content)
    expect(imported).toMatchObject({ id: queue.id, origin: 'imported', items: 6, criterionKeys: criteria })
    expect(imported.progress.map((p) => [p.reviewerName, p.assigned])).toEqual([
      ['Ana', 6],
      ['Ben', 6],
    ])
    expect(await importPack(reviewer, content)).toEqual(imported)
    expect(await call<Queue[]>(reviewer, 'queues.list', {})).toHaveLength(1)
    expect(await call<Reviewer[]>(reviewer, 'reviewers.list', {})).toHaveLength(2)
    const ana = await reviewerNamed(reviewer, 'Ana')
    const items = await allItems(reviewer, queue.id, ana.id)
    expect(items).toHaveLength(6)
    expect(items[0]?.outputs[0]).toMatchObject({ side: 'output', modelId: null, promptVersionNumber: null })
    expect(items[0]?.outputs[0]?.text).toBeTruthy()

    // Elsewhere the same rubric key with other content becomes a new version there, not a silent match.
    const edited = JSON.parse(content) as { rubric: { description: string } }
    edited.rubric.description = 'Edited on the owner’s machine'
    const third = demoCore(tempHome())
    opened.push(third)
    const withNewRubric = await importPack(third, JSON.stringify(edited))
    expect(withNewRubric.rubric).toMatchObject({ key: 'triage-quality', version: 2 })
    expect(withNewRubric.rubric.description).toBe('Edited on the owner’s machine')
    expect(imported.rubric.version).toBe(1)

    const other = JSON.parse(content) as { queue: { name: string } }
    other.queue.name = 'Someone else’s queue'
    const refused = await failure(reviewer, 'queues.importPack', { content: JSON.stringify(other) })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toContain(queue.id)
  })

  it('refuses a malformed pack and names the field', async () => {
    const { owner, queue, reviewer } = await twoWorkspaces()
    const pack = JSON.parse((await exportPack(owner.core, queue.id)).content) as {
      items: { content: { input: unknown } }[]
      assignments: { itemId: string }[]
    }
    const badInput = structuredClone(pack)
    if (badInput.items[2]) badInput.items[2].content.input = 5
    const bad = await failure(reviewer, 'queues.importPack', { content: JSON.stringify(badInput) })
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' })
    expect(bad.message).toContain('items.2.content.input')
    const dangling = structuredClone(pack)
    if (dangling.assignments[0]) dangling.assignments[0].itemId = 'ri_missing'
    const unknown = await failure(reviewer, 'queues.importPack', { content: JSON.stringify(dangling) })
    expect(unknown.message).toContain('ri_missing')
    expect(await call<Queue[]>(reviewer, 'queues.list', {})).toHaveLength(0)
  })

  it('merges the returned scores without duplicates, and updates the run’s human scores', async () => {
    const { owner, queue, reviewer } = await twoWorkspaces()
    await importPack(reviewer, (await exportPack(owner.core, queue.id)).content)
    await reviewThere(reviewer, queue.id)
    const returned = await exportScores(reviewer, queue.id)
    expect(returned.fileName).toBe('triage-spot-check.review-scores.json')

    const merged = await importScores(owner.core, returned.content)
    expect(merged).toMatchObject({ added: 14, updated: 0, unchanged: 0 })
    expect(progressOf(merged.queue, 'Ana')).toMatchObject({ done: 6, skipped: 0 })
    expect(progressOf(merged.queue, 'Ben')).toMatchObject({ done: 0, skipped: 1 })
    expect(await heldScores(owner.core, queue.id)).toEqual(await heldScores(reviewer, queue.id))
    const human = await call<{ total: number }>(owner.core, 'runs.scores', {
      runId: owner.run.id,
      metric: 'human.category_correct',
      offset: 0,
      limit: 1,
    })
    expect(human.total).toBe(6)

    const again = await importScores(owner.core, returned.content)
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 14 })
    expect(await heldScores(owner.core, queue.id)).toEqual(await heldScores(reviewer, queue.id))
  })

  it('takes a newer edit of a score and keeps the owner’s newer one over an older edit', async () => {
    const { owner, queue, reviewer } = await twoWorkspaces()
    await importPack(reviewer, (await exportPack(owner.core, queue.id)).content)
    await reviewThere(reviewer, queue.id)
    await importScores(owner.core, (await exportScores(reviewer, queue.id)).content)

    const ana = await reviewerNamed(reviewer, 'Ana')
    const [first] = await allItems(reviewer, queue.id, ana.id)
    await score(reviewer, first?.assignmentId ?? '', 'priority_reasonable', 2, 'misses the outage')
    const newer = await exportScores(reviewer, queue.id)
    expect(await importScores(owner.core, newer.content)).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 13,
    })
    const changed = (await heldScores(owner.core, queue.id))
      .find((a) => a.id === first?.assignmentId)
      ?.scores.find((s) => s.criterionKey === 'priority_reasonable')
    expect(changed).toMatchObject({ raw: 2, comment: 'misses the outage' })

    const older = JSON.parse(newer.content) as ScoresJson
    const stale = older.assignments.find((a) => a.id === first?.assignmentId)?.scores[1]
    if (stale) Object.assign(stale, { raw: 5, comment: 'old', updatedAt: '2026-01-01T00:00:00.000Z' })
    expect(await importScores(owner.core, JSON.stringify(older))).toMatchObject({ updated: 0, unchanged: 14 })
    expect(await heldScores(owner.core, queue.id)).toEqual(await heldScores(reviewer, queue.id))
  })

  it('refuses a corrupted scores file as a whole and names the problem', async () => {
    const { owner, queue, reviewer } = await twoWorkspaces()
    await importPack(reviewer, (await exportPack(owner.core, queue.id)).content)
    await reviewThere(reviewer, queue.id)
    const good = JSON.parse((await exportScores(reviewer, queue.id)).content) as ScoresJson
    const before = await heldScores(owner.core, queue.id)
    const withScores = good.assignments.findIndex((a) => a.scores.length > 0)

    const badRaw = structuredClone(good) as unknown as { assignments: { scores: { raw: unknown }[] }[] }
    const target = badRaw.assignments[withScores]?.scores[0]
    if (target) target.raw = 'yes'
    const bad = await failure(owner.core, 'queues.importScores', { content: JSON.stringify(badRaw) })
    expect(bad.code).toBe('INVALID_INPUT')
    expect(bad.message).toContain(`assignments.${withScores}.scores.0.raw`)

    // Valid scores first, an unknown assignment last: nothing of it may land.
    const unknown = structuredClone(good)
    unknown.assignments.push({ ...structuredClone(good.assignments[withScores]!), id: 'ra_unknown' })
    const refused = await failure(owner.core, 'queues.importScores', { content: JSON.stringify(unknown) })
    expect(refused.code).toBe('INVALID_INPUT')
    expect(refused.message).toContain('ra_unknown')

    const outOfScale = structuredClone(good)
    const s0 = outOfScale.assignments[withScores]?.scores[0]
    if (s0) s0.raw = 7
    expect(
      (await failure(owner.core, 'queues.importScores', { content: JSON.stringify(outOfScale) })).message,
    ).toMatch(/outside its pass_fail scale/)

    const elsewhere = { ...good, queueId: 'rq_elsewhere' }
    const noQueue = await failure(owner.core, 'queues.importScores', { content: JSON.stringify(elsewhere) })
    expect(noQueue.code).toBe('NOT_FOUND')
    expect(await failure(owner.core, 'queues.importScores', { content: '{not json' })).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(await heldScores(owner.core, queue.id)).toEqual(before)
  })
})
