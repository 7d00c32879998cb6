import type { Core } from '../../../../electron/main/core'
import type { Queue, QueueReport, Reviewer, ReviewItem } from '../../../../shared/domain/review'
import type { Run } from '../../../../shared/domain/runs'
import { call, demoCore } from '../core-calls'
import { demoDatasetId, runToEnd, versionId } from '../scoring/helpers'

export const march = { provider: 'demo', model: 'triage-sim-2026-03' }
export const september = { provider: 'demo', model: 'triage-sim-2026-09' }

export interface ReviewSetup {
  core: Core
  run: Run
  v4: string
  v5: string
  rubricId: string
  reviewers: Reviewer[]
}

/**
 * The demo workspace with one finished run (v4 × March and, when asked, v5 × September) over the golden
 * set, scored by the suite's format and rule checks, and reviewers named as given.
 */
export async function reviewSetup(home: string, names: string[], pairwise = false): Promise<ReviewSetup> {
  const core = demoCore(home, { runner: { demoLatencyScale: 0, flushMs: 10 } })
  const v4 = await versionId(core, 'Ticket triage', 4)
  const v5 = await versionId(core, 'Ticket triage', 5)
  const run = await runToEnd(core, {
    promptVersionIds: pairwise ? [v4, v5] : [v4],
    models: pairwise ? [march, september] : [march],
    datasetId: await demoDatasetId(core),
  })
  await call(core, 'runs.score', { runId: run.id })
  const rubrics = await call<{ id: string; key: string }[]>(core, 'rubrics.list', {})
  const rubricId = rubrics.find((r) => r.key === 'triage-quality')?.id ?? ''
  const reviewers: Reviewer[] = []
  for (const name of names) reviewers.push(await call<Reviewer>(core, 'reviewers.create', { name }))
  return { core, run, v4, v5, rubricId, reviewers }
}

export const createQueue = (core: Core, draft: Record<string, unknown>): Promise<Queue> =>
  call<Queue>(core, 'queues.create', draft)

export const itemOf = (core: Core, queueId: string, reviewerId: string, position?: number) =>
  call<ReviewItem | null>(core, 'review.item', { queueId, reviewerId, ...(position ? { position } : {}) })

export const score = (core: Core, assignmentId: string, criterionKey: string, raw: number, comment = '') =>
  call<ReviewItem>(core, 'review.score', { assignmentId, score: { criterionKey, raw, comment } })

export const report = (core: Core, queueId: string) => call<QueueReport>(core, 'queues.report', { queueId })

/** Every item of the reviewer's queue, in their order. */
export async function allItems(core: Core, queueId: string, reviewerId: string): Promise<ReviewItem[]> {
  const first = await itemOf(core, queueId, reviewerId, 1)
  if (!first) return []
  const items = [first]
  for (let p = 2; p <= first.total; p++) {
    const item = await itemOf(core, queueId, reviewerId, p)
    if (item) items.push(item)
  }
  return items
}
