import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { methods, type MethodName, type MethodSpec } from '../../../../shared/contract'
import type { Queue, Reviewer, ReviewItem } from '../../../../shared/domain/review'
import type { Run } from '../../../../shared/domain/runs'
import type { Rubric } from '../../../../shared/domain/scoring'
import { demoWithBaseline, type BaselineWorkspace } from '../bundles/baseline-fixture'
import { call } from '../core-calls'
import { runToEnd } from '../scoring/helpers'
import { createSqlTrace, tablesNamed } from './sql-trace'

/*
 * A screen watches the tables its methods declare in `reads`; a table missing there is a screen that goes
 * stale (the run summary once watched scores only, never the results a running run writes). So every
 * declared `reads` is checked against the SQL its handler really runs, on a workspace where each has data.
 */

const trace = createSqlTrace()
let w: BaselineWorkspace
let allTables: string[]
let queueId: string
/** One stored result's identity, for `runs.result`. */
let oneResult: Record<string, unknown>
/** A finished pairwise comparison (two models of one run, the demo judge). */
let comparison: { id: string; a: unknown; b: unknown }

/** A real input per method that declares `reads`: a method added there without one fails below. */
function inputs(run: Run, promptId: string): Partial<Record<MethodName, unknown>> {
  const [promptVersionId] = run.plan.promptVersionIds
  const slices = run.plan.models.map((m) => ({
    runId: run.id,
    promptVersionId,
    provider: m.provider,
    modelId: m.model,
  }))
  return {
    'compare.data': { slices },
    'compare.cases': { baseline: slices[0], candidate: slices[1] ?? slices[0] },
    'compare.promptTrend': { promptId },
    'runs.list': {},
    'runs.get': { id: run.id },
    'runs.batches': { id: run.id },
    'runs.results': { runId: run.id },
    'runs.resultRows': { runId: run.id },
    'runs.result': oneResult,
    'runs.summary': { runId: run.id },
    'baselines.list': { promptId },
    'gates.list': { promptId },
    'prompts.list': {},
    'prompts.get': { id: promptId },
    'prompts.history': { promptId },
    'datasets.list': {},
    'datasets.get': { id: run.plan.datasetId },
    'datasets.cases': { datasetId: run.plan.datasetId, offset: 0, limit: 50 },
    'rubrics.list': {},
    'suites.get': { promptId },
    'reviewers.list': {},
    'queues.list': {},
    'queues.report': { queueId },
    'datasets.duplicates': { datasetId: run.plan.datasetId, threshold: 0.85 },
    'datasets.diffSnapshots': { datasetId: run.plan.datasetId, from: run.datasetSnapshotId, to: 'working' },
    'prompts.checkPromotion': { promptId, versionId: promptVersionId, env: 'prod' },
    'providers.list': {},
    'providers.models': {},
    'prices.list': {},
    'pairwise.get': { id: comparison.id },
    'pairwise.list': { a: comparison.a, b: comparison.b },
    'pairwise.cases': { id: comparison.id },
    // Area E (issue 22): the first-run guide.
    'guide.firstSteps': {},
    // Issue 22 · B: drafts exist (generated in beforeAll), so their duplicate check reads the cases too.
    'caseDrafts.list': { datasetId: run.plan.datasetId },
    'queues.preview': { runId: run.id, mode: 'single', source: { kind: 'sample', n: 2, seed: 1 } },
    'cases.correctionTarget': { runId: run.id, caseId: oneResult['caseId'] },
  }
}

const declaring = (Object.entries(methods) as [MethodName, MethodSpec][]).filter(([, spec]) => spec.reads)

beforeAll(async () => {
  w = await demoWithBaseline()
  const db = new Database(join(w.home, 'evallab.db'), { readonly: true })
  allTables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    .all()
    .map((r) => r.name)
  db.close()
  const run = await call<Run>(w.core, 'runs.get', { id: w.runId })
  const [promptVersionId] = run.plan.promptVersionIds
  const [model] = run.plan.models
  const slice = { promptVersionId, provider: model?.provider, modelId: model?.model }
  await call(w.core, 'gates.evaluate', { runId: w.runId, slice })
  queueId = await reviewedQueue(run)
  const rows = await call<{ results: Record<string, unknown>[] }>(w.core, 'runs.resultRows', {
    runId: run.id,
  })
  const { runId, caseId, provider, modelId, repeat } = rows.results[0] ?? {}
  oneResult = { runId, caseId, promptVersionId: rows.results[0]?.promptVersionId, provider, modelId, repeat }
  comparison = await judgedPair(run)
  await call(w.core, 'datasets.generateCases', {
    datasetId: run.plan.datasetId,
    tags: ['lang:de'],
    model: { provider: 'demo', model: 'triage-sim-2026-03' },
    count: 2,
  })
}, 60_000)

/** Both demo models on the run's version, judged pairwise by the demo model until the job ends. */
async function judgedPair(run: Run): Promise<typeof comparison> {
  const [promptVersionId] = run.plan.promptVersionIds
  const models = ['triage-sim-2026-03', 'triage-sim-2026-09'].map((model) => ({ provider: 'demo', model }))
  const both = await runToEnd(w.core, {
    promptVersionIds: run.plan.promptVersionIds,
    models,
    datasetId: run.plan.datasetId,
  })
  const [a, b] = models.map((m) => ({
    runId: both.id,
    promptVersionId,
    provider: m.provider,
    modelId: m.model,
  }))
  const rubrics = await call<Rubric[]>(w.core, 'rubrics.list', {})
  const started = await call<{ id: string }>(w.core, 'pairwise.start', {
    a,
    b,
    rubricId: rubrics[0]?.id,
    criterionKey: rubrics[0]?.criteria[0]?.key,
    judge: { provider: 'demo', model: 'triage-sim-2026-03' },
  })
  const status = async () =>
    (await call<{ status: string }>(w.core, 'pairwise.get', { id: started.id })).status
  await vi.waitFor(async () => expect(await status()).toBe('completed'), { timeout: 30_000, interval: 20 })
  return { id: started.id, a, b }
}

/** A review queue with one scored item, so the review methods read every table they can. */
async function reviewedQueue(run: Run): Promise<string> {
  const reviewer = await call<Reviewer>(w.core, 'reviewers.create', { name: 'Noor' })
  const rubrics = await call<Rubric[]>(w.core, 'rubrics.list', {})
  const queue = await call<Queue>(w.core, 'queues.create', {
    name: 'Reads',
    runId: run.id,
    rubricId: rubrics[0]?.id,
    source: { kind: 'sample', n: 2 },
    reviewerIds: [reviewer.id],
  })
  const item = await call<ReviewItem>(w.core, 'review.item', { queueId: queue.id, reviewerId: reviewer.id })
  const criterionKey = rubrics[0]?.criteria[0]?.key
  await call(w.core, 'review.score', {
    assignmentId: item.assignmentId,
    score: { criterionKey, raw: 1, comment: '' },
  })
  return queue.id
}

afterAll(() => w.cleanup())

describe('the tables each method declares it reads', () => {
  it('covers the methods the run screen watches', () => {
    expect(declaring.map(([name]) => name)).toEqual(
      expect.arrayContaining(['runs.list', 'runs.results', 'runs.summary', 'baselines.list', 'gates.list']),
    )
  })

  it.each(declaring)('%s reads only tables it declares', async (name, spec) => {
    const run = await call<Run>(w.core, 'runs.get', { id: w.runId })
    const input = inputs(run, w.prompt.prompt.id)[name]
    expect(input, `add an input for ${name} to this test`).toBeDefined()
    const { sql } = await trace.record(() => call(w.core, name, input))
    expect(sql.length).toBeGreaterThan(0)
    const undeclared = tablesNamed(sql, allTables).filter(
      (t) => !spec.reads?.some((declared) => declared === t),
    )
    expect(undeclared, `${name} reads tables its contract entry does not declare`).toEqual([])
  })
})
