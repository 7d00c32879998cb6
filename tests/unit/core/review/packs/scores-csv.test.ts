import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../electron/main/core'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call, failure } from '../../core-calls'
import { allItems, createQueue, reviewSetup, score } from '../helpers'

const tempHome = useTempHomes()
const opened: Core[] = []
afterEach(() => {
  for (const core of opened.splice(0)) core.close()
})

interface CsvFile {
  fileName: string
  content: string
  rowCount: number
}

const exportCsv = (core: Core, queueId: string) => call<CsvFile>(core, 'queues.exportScoresCsv', { queueId })

describe('queues.exportScoresCsv', () => {
  it('gives a spreadsheet one row per assignment and criterion, with reviewer, score, label, comment and times', async () => {
    const setup = await reviewSetup(tempHome(), ['Zoë Ana', '=Ben (ops)'])
    opened.push(setup.core)
    const [ana, ben] = setup.reviewers
    const queue = await createQueue(setup.core, {
      name: 'Priority spot check',
      runId: setup.run.id,
      rubricId: setup.rubricId,
      criterionKeys: ['category_correct', 'priority_reasonable'],
      reviewerIds: [ana?.id, ben?.id],
      reviewersPerItem: 2,
      blind: false,
      source: { kind: 'sample', n: 3, seed: 5 },
    })
    const anaItems = await allItems(setup.core, queue.id, ana?.id ?? '')
    for (const item of anaItems) {
      await score(setup.core, item.assignmentId, 'category_correct', 1)
      await score(setup.core, item.assignmentId, 'priority_reasonable', 4, '=HYPERLINK("x") — "fine"\nreally')
    }
    const [first, second] = await allItems(setup.core, queue.id, ben?.id ?? '')
    await score(setup.core, first?.assignmentId ?? '', 'category_correct', 0, '')
    await call(setup.core, 'review.skip', { assignmentId: second?.assignmentId ?? '', reason: 'Not English' })

    const file = await exportCsv(setup.core, queue.id)
    expect(file.fileName).toBe('priority-spot-check.review-scores.csv')
    expect(file.rowCount).toBe(3 * 2 * 2)
    const rows = parse<Record<string, string>>(file.content, { bom: true, columns: true })
    expect(rows).toHaveLength(12)
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'queue',
      'item',
      'case_key',
      'outputs',
      'reviewer',
      'status',
      'skip_reason',
      'preference',
      'criterion',
      'criterion_name',
      'score',
      'score_label',
      'comment',
      'scored_at',
      'updated_at',
    ])
    // Items in queue order, reviewers by name, criteria in the queue's order.
    expect(rows.map((r) => [r.item, r.reviewer, r.criterion])).toEqual(
      ['1', '2', '3'].flatMap((item) =>
        ["'=Ben (ops)", 'Zoë Ana'].flatMap((who) =>
          ['category_correct', 'priority_reasonable'].map((c) => [item, who, c]),
        ),
      ),
    )
    const anas = rows.filter((r) => r.reviewer === 'Zoë Ana')
    expect(
      anas.every((r) => r.status === 'done' && r.scored_at !== '' && (r.outputs ?? '').includes('demo/')),
    ).toBe(true)
    const priority = anas.filter((r) => r.criterion === 'priority_reasonable')
    expect(priority.every((r) => r.score === '4' && r.comment === `'=HYPERLINK("x") — "fine"\nreally`)).toBe(
      true,
    )
    expect(
      anas.filter((r) => r.criterion === 'category_correct').every((r) => r.score_label === 'pass'),
    ).toBe(true)

    // Ben: a fail with an empty comment (a quoted "" in the file) on an item not finished yet, a skip, and an
    // untouched item — gaps, not gone.
    const bens = rows.filter((r) => r.reviewer === "'=Ben (ops)")
    const failed = bens.find((r) => r.score === '0')
    expect(failed).toMatchObject({ score_label: 'fail', comment: '', status: 'pending' })
    expect(bens.filter((r) => r.status === 'skipped').every((r) => r.skip_reason === 'Not English')).toBe(
      true,
    )
    const untouched = bens.filter((r) => r.item !== failed?.item && r.status === 'pending')
    expect(untouched).toHaveLength(2)
    expect(untouched.every((r) => r.score === '' && r.scored_at === '' && r.comment === '')).toBe(true)
    // Its other criterion, not scored yet, is a gap too.
    expect(bens.filter((r) => r.item === failed?.item && r.score === '')).toHaveLength(1)
    expect(file.content).toContain(',"",')
    expect(file.content.startsWith('\uFEFFqueue,item,')).toBe(true)

    // The same queue exports the same bytes.
    expect((await exportCsv(setup.core, queue.id)).content).toBe(file.content)
  }, 60_000)

  it('names a queue that does not exist', async () => {
    const setup = await reviewSetup(tempHome(), ['Ana'])
    opened.push(setup.core)
    const error = await failure(setup.core, 'queues.exportScoresCsv', { queueId: 'q-missing' })
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'No review queue with id q-missing' })
  }, 60_000)
})
