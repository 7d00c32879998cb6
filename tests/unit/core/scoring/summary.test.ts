import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreContext, writeTransaction, type CoreContext } from '../../../../electron/main/core/context'
import { openConnection, type Db } from '../../../../electron/main/core/db/connection'
import { scoreResults, summarizeRun } from '../../../../electron/main/core/scoring'
import { suiteMetric } from '../../../../electron/main/core/scoring/metrics'
import { saveSuite } from '../../../../electron/main/core/scoring/suites'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { Run, RunResult } from '../../../../shared/domain/runs'
import type { MetricSummary, Scorer, SliceSummary } from '../../../../shared/domain/scoring'
import { fixedClock, useTempHomes } from '../../../fixtures/temp-home'
import { demoCore } from '../core-calls'

const tempHome = useTempHomes()

function context(): CoreContext & { db: Db } {
  const home = tempHome()
  demoCore(home).close()
  const db = openConnection(join(home, 'evallab.db'))
  return { ...createCoreContext(db, { user: 'tester', now: fixedClock() }), db }
}

const model = { provider: 'demo', model: 'triage-sim-2026-03' }

/** Six hand-made results of the first six demo cases (see each line); no model is ever called. */
function results(cases: DatasetCase[], runId: string, versionId: string): RunResult[] {
  const answer = (c: DatasetCase | undefined, category?: string) =>
    JSON.stringify({ category: category ?? c?.expected['category'] })
  const rows: [string | null, number | null, number | null, boolean][] = [
    [answer(cases[0]), 100, 0.001, false], // right
    [answer(cases[1]), 200, 0.003, false], // right
    [answer(cases[2], 'billing'), 300, null, false], // valid JSON, wrong category, price unknown
    ['oops', 400, 0.002, false], // not JSON
    [null, null, null, false], // the call failed
    [answer(cases[5]), 0, 0, true], // right, from the cache
  ]
  return rows.map(([text, totalMs, costUsd, cached], i) => ({
    runId,
    toolCalls: [],
    steps: null,
    batch: false,
    caseId: cases[i]?.id ?? '',
    promptVersionId: versionId,
    promptHash: 'h',
    provider: model.provider,
    modelId: model.model,
    repeat: 0,
    params: {},
    request: { messages: [], params: {} },
    responseText: text,
    finishReason: text === null ? null : 'stop',
    inputTokens: null,
    outputTokens: null,
    cachedTokens: null,
    costUsd,
    ttftMs: null,
    totalMs,
    attempts: cached ? 0 : 1,
    attemptLog: [],
    errorKind: text === null ? 'server' : null,
    errorMessage: text === null ? 'HTTP 500' : null,
    cached,
    createdAt: '2026-11-01T10:00:00.000Z',
  }))
}

const humanTone = (rubricId: string): Scorer => ({
  metric: 'human.tone',
  label: 'Tone (review)',
  config: { kind: 'human', rubricId, criterionKey: 'priority_reasonable' },
})

function setUp(): { ctx: CoreContext & { db: Db }; runId: string } {
  const ctx = context()
  const prompt = ctx.repos.prompts.findByName('Ticket triage')
  const version = prompt && ctx.repos.prompts.version(prompt.id, 4)
  const dataset = ctx.repos.datasets.list()[0]
  const snapshot = dataset && ctx.repos.snapshots.latest(dataset.id)
  const rubric = ctx.repos.rubrics.latestForKey('triage-quality')
  if (!prompt || !version || !dataset || !snapshot || !rubric) throw new Error('demo data missing')
  const cases = ctx.repos.snapshots.allCases(snapshot.id).slice(0, 6)
  const scorers: Scorer[] = [
    { metric: 'format.json', label: 'JSON', config: { kind: 'format', format: { check: 'json' } } },
    {
      metric: 'rule.category',
      label: 'Category',
      config: {
        kind: 'rule',
        rule: { op: 'equals', path: 'category', expectedField: 'category', ignoreCase: true },
      },
    },
    humanTone(rubric.id),
  ]
  writeTransaction(ctx, () => saveSuite(ctx, prompt.id, { scorers, gates: [] }, 'Summary test suite'))
  const run: Run = {
    id: 'run_summary',
    name: 'hand-made',
    status: 'completed',
    plan: {
      promptVersionIds: [version.id],
      models: [model],
      datasetId: dataset.id,
      repeats: 1,
      useCache: true,
      mode: 'stream',
    },
    datasetSnapshotId: snapshot.id,
    priceTable: [],
    createdAt: '2026-11-01T10:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    createdBy: 'tester',
    counts: { total: 6, done: 6, errors: 1, cached: 1, spentUsd: 0.006 },
    canary: null,
    failure: null,
  }
  writeTransaction(ctx, () => {
    ctx.repos.runs.insert(run)
    for (const r of results(cases, run.id, version.id)) ctx.repos.runResults.insert(r)
    // Three human reviews so far (the review queue comes later): 5, 4 and 3 on 1–5.
    const tone = suiteMetric(ctx.repos, scorers[2] as Scorer)
    ;[1, 0.75, 0.5].forEach((value, i) =>
      ctx.repos.runScores.insert({
        runId: run.id,
        caseId: cases[i]?.id ?? '',
        promptVersionId: version.id,
        provider: model.provider,
        modelId: model.model,
        repeat: 0,
        metric: 'human.tone',
        scorerHash: tone.hash,
        source: 'human',
        value,
        raw: 5 - i,
        passed: null,
        reason: 'reviewed',
        details: {},
        createdAt: '2026-11-01T10:00:00.000Z',
      }),
    )
  })
  return { ctx, runId: run.id }
}

const byName = (slice: SliceSummary | undefined, name: string): MetricSummary | undefined =>
  slice?.metrics.find((m) => m.metric === name)

describe('run summary on a small hand-computed run', () => {
  it('gives pass rates with Wilson intervals, means with t intervals, cost and latency figures', async () => {
    const { ctx, runId } = setUp()
    await scoreResults(ctx, runId, { judges: false })
    const summary = summarizeRun(ctx, runId)
    expect(summary.suiteVersion).toBe(2)
    expect(summary.slices).toHaveLength(1)
    const slice = summary.slices[0]
    expect(slice).toMatchObject({ versionNumber: 4, results: 6, errors: 1, judgeCostUsd: 0 })
    // format.json: rows 1, 2, 3, 6 pass; the prose and the failed call fail → 4/6.
    const format = byName(slice, 'format.json')
    expect(format).toMatchObject({ kind: 'pass_rate', n: 6 })
    expect(format?.value).toBeCloseTo(4 / 6, 12)
    expect(format?.ci95?.low).toBeCloseTo(0.299993315, 6)
    expect(format?.ci95?.high).toBeCloseTo(0.903228589, 6)
    // rule.category: rows 1, 2, 6 → 3/6.
    const category = byName(slice, 'rule.category')
    expect(category?.value).toBe(0.5)
    expect(category?.ci95?.low).toBeCloseTo(0.187616306, 6)
    expect(category?.ci95?.high).toBeCloseTo(0.812383694, 6)
    // Human: three reviews so far, mean 0.75, sd 0.25, t(0.975, 2) = 4.302653 → 0.75 ± 0.621035, cut at 1.
    const tone = byName(slice, 'human.tone')
    expect(tone).toMatchObject({ kind: 'mean', n: 3, value: 0.75 })
    expect(tone?.ci95?.low).toBeCloseTo(0.128965, 5)
    expect(tone?.ci95?.high).toBe(1)
    // Costs known for rows 1, 2, 4, 6: (0.001 + 0.003 + 0.002 + 0) / 4.
    expect(slice?.costPerInteractionUsd).toBeCloseTo(0.0015, 12)
    expect(slice?.totalCostUsd).toBeCloseTo(0.006, 12)
    // Latency over answered, uncached calls: 100, 200, 300, 400 ms (numpy: P50 250, P95 385).
    expect(slice?.latencyP50Ms).toBe(250)
    expect(slice?.latencyP95Ms).toBeCloseTo(385, 9)
    ctx.db.close()
  })

  it('breaks every metric down per case tag', async () => {
    const { ctx, runId } = setUp()
    await scoreResults(ctx, runId, { judges: false })
    const slice = summarizeRun(ctx, runId).slices[0]
    const tag = (name: string) => slice?.byTag.find((t) => t.tag === name)
    // lang:en is on all six cases; segment:enterprise on 1 (right) and 4 (prose); segment:pro on 3 and 6.
    expect(tag('lang:en')?.metrics).toEqual(slice?.metrics)
    expect(tag('segment:enterprise')).toMatchObject({ n: 2 })
    expect(
      byName({ metrics: tag('segment:enterprise')?.metrics ?? [] } as SliceSummary, 'format.json'),
    ).toMatchObject({
      n: 2,
      value: 0.5,
    })
    const pro = { metrics: tag('segment:pro')?.metrics ?? [] } as SliceSummary
    expect(byName(pro, 'format.json')).toMatchObject({ n: 2, value: 1 })
    expect(byName(pro, 'rule.category')).toMatchObject({ n: 2, value: 0.5 })
    // Only case 3 of the two has a review (0.5); one value has no interval.
    expect(byName(pro, 'human.tone')).toMatchObject({ n: 1, value: 0.5, ci95: null })
    const free = { metrics: tag('segment:free')?.metrics ?? [] } as SliceSummary
    expect(byName(free, 'human.tone')).toMatchObject({ n: 1, value: 0.75 })
    expect(slice?.byTag.map((t) => t.tag)).toEqual([...(slice?.byTag.map((t) => t.tag) ?? [])].sort())
    ctx.db.close()
  })

  it('counts only the current scorers: an older scorer version keeps its rows but leaves the summary', async () => {
    const { ctx, runId } = setUp()
    await scoreResults(ctx, runId, { judges: false })
    const prompt = ctx.repos.prompts.findByName('Ticket triage')
    if (!prompt) throw new Error('no prompt')
    const regex: Scorer = {
      metric: 'format.json',
      label: 'Starts with a brace',
      config: { kind: 'format', format: { check: 'regex', pattern: '^\\{', flags: '' } },
    }
    writeTransaction(ctx, () => saveSuite(ctx, prompt.id, { scorers: [regex], gates: [] }, 'Regex instead'))
    const report = await scoreResults(ctx, runId, { judges: false })
    expect(report).toMatchObject({ written: 6, skipped: 0, judgeCalls: 0 })
    const slice = summarizeRun(ctx, runId).slices[0]
    expect(slice?.metrics.map((m) => m.metric)).toEqual(['format.json'])
    // The prose fails, the failed call fails, four outputs start with "{".
    expect(byName(slice, 'format.json')?.value).toBeCloseTo(4 / 6, 12)
    expect(ctx.repos.runScores.count(runId, { metric: 'format.json' })).toBe(12)
    const again = await scoreResults(ctx, runId, { judges: false })
    expect(again).toMatchObject({ written: 0, skipped: 6 })
    ctx.db.close()
  })

  it('scores in short batches and lets the event loop run between them', async () => {
    const { ctx, runId } = setUp()
    let turns = 0
    let spinning = true
    const spin = (): void => {
      if (!spinning) return
      turns++
      setImmediate(spin)
    }
    setImmediate(spin)
    const report = await scoreResults(ctx, runId, { judges: false }, { scoringBatch: 2 })
    spinning = false
    expect(report.written).toBe(12)
    // Three pages of two results: other work got a turn after each.
    expect(turns).toBeGreaterThanOrEqual(3)
    ctx.db.close()
  })

  it('scores only the results a filter accepts (the canary sample)', async () => {
    const { ctx, runId } = setUp()
    const firstTwo = new Set(
      ctx.repos.runScores
        .facts(runId)
        .slice(0, 2)
        .map((f) => f.caseId),
    )
    const report = await scoreResults(ctx, runId, {
      judges: false,
      resultFilter: (r) => firstTwo.has(r.caseId),
    })
    expect(report.written).toBe(4)
    expect(byName(summarizeRun(ctx, runId).slices[0], 'format.json')).toMatchObject({ n: 2, value: 1 })
    ctx.db.close()
  })
})
