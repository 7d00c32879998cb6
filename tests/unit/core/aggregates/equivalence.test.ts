import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import { compareCases, compareData } from '../../../../electron/main/core/compare'
import { promptTrend } from '../../../../electron/main/core/compare/trend'
import type { CoreContext } from '../../../../electron/main/core/context'
import type { Db } from '../../../../electron/main/core/db/connection'
import { summarizeRun } from '../../../../electron/main/core/scoring/summary'
import type { CompareSlice } from '../../../../shared/domain/compare'
import { bigRunModels, openContext, seedBigRun, type BigRun } from '../../../fixtures/big-run'
import { demoCore } from '../core-calls'
import { compareCases as legacyCompareCases } from './legacy-cases'
import { legacyHistogram } from './legacy-figures'
import { compareData as legacyCompareData } from './legacy-series'
import { summarizeRun as legacySummarizeRun } from './legacy-summary'
import { promptTrend as legacyPromptTrend } from './legacy-trend'

/**
 * The aggregated summaries (run totals kept by triggers, latencies from a sorted index) give the figures the
 * previous implementation computed from every row, kept here as legacy-*.ts: counts and percentiles exactly,
 * sums and intervals to the last few bits (Σx² − (Σx)²/n instead of a second pass over the values).
 */
let home = ''
let core: Core
let ctx: CoreContext & { db: Db }
let run: BigRun

/** Integers exactly; other numbers to 1e-12 (far below any figure the screens print). */
function expectSameFigures(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isInteger(expected)) expect(actual, path).toBe(expected)
    else expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThan(1e-12)
    return
  }
  if (expected === null || typeof expected !== 'object') {
    expect(actual, path).toEqual(expected)
    return
  }
  expect(typeof actual, path).toBe('object')
  const a = actual as Record<string, unknown>
  const e = expected as Record<string, unknown>
  expect(Object.keys(a).sort(), path).toEqual(Object.keys(e).sort())
  for (const key of Object.keys(e)) expectSameFigures(a[key], e[key], `${path}.${key}`)
}

/** A review score changed and one withdrawn, a failed judge retried: the totals must follow all three. */
function editScores(): void {
  const scores = ctx.repos.runScores.list(run.runId, { scorerHashes: undefined })
  const human = scores.filter((s) => s.source === 'human' && s.scorerHash !== 'outdated')
  const judge = scores.find((s) => s.source === 'judge' && s.value === null)
  const [changed, withdrawn] = human
  if (!changed || !withdrawn || !judge) throw new Error('the seeded run lacks human or unscored judge scores')
  ctx.repos.runScores.replace({ ...changed, value: changed.value === 1 ? 0.25 : 1 })
  ctx.repos.runScores.replace({ ...judge, value: 0.75, details: {} })
  ctx.db
    .prepare(
      `DELETE FROM run_scores WHERE run_id = ? AND case_id = ? AND metric = ? AND scorer_hash = ? AND repeat = ?
                AND prompt_version_id = ? AND provider = ? AND model_id = ?`,
    )
    .run(
      run.runId,
      withdrawn.caseId,
      withdrawn.metric,
      withdrawn.scorerHash,
      withdrawn.repeat,
      withdrawn.promptVersionId,
      withdrawn.provider,
      withdrawn.modelId,
    )
}

/** A result of a model the plan does not name (a run resumed after its plan was edited by hand). */
function unplannedResult(): void {
  const first = ctx.repos.runResults.page(run.runId, {}, 0, 1)[0]
  if (!first) throw new Error('no result')
  ctx.repos.runResults.insert({
    ...first,
    provider: 'byo-proxy',
    modelId: 'mystery-1',
    totalMs: 123.4,
    costUsd: 0.5,
  })
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'evallab-aggregates-'))
  core = demoCore(home)
  ctx = openContext(home)
  run = await seedBigRun(core, ctx, { cases: 60, repeats: 2 })
  editScores()
  unplannedResult()
}, 120_000)

afterAll(() => {
  ctx.db.close()
  core.close()
  rmSync(home, { recursive: true, force: true })
})

const slicesOf = (runId: string): CompareSlice[] =>
  run.versionIds.flatMap((promptVersionId) =>
    bigRunModels.map((m) => ({ runId, promptVersionId, provider: m.provider, modelId: m.model })),
  )

describe('run summary from totals', () => {
  it('gives the figures the row-by-row summary gave, for every slice, metric and tag', () => {
    const expected = legacySummarizeRun(ctx, run.runId)
    const actual = summarizeRun(ctx, run.runId)
    expect(actual.slices).toHaveLength(7) // 2 versions × 3 models, and the unplanned one last
    expect(actual.slices[6]).toMatchObject({ provider: 'byo-proxy', modelId: 'mystery-1', results: 1 })
    expect(actual.slices.some((s) => s.byTag.length > 5)).toBe(true)
    expectSameFigures(actual, expected)
    expectSameFigures(summarizeRun(ctx, 'run_big_older'), legacySummarizeRun(ctx, 'run_big_older'))
  })

  it('keeps an unknown price unknown and a free local model at $0', () => {
    const slices = summarizeRun(ctx, run.runId).slices
    const gateway = slices.filter((s) => s.provider === 'acme-gateway')
    const local = slices.filter((s) => s.provider === 'local-llm')
    expect(gateway.map((s) => s.costPerInteractionUsd)).toEqual([null, null])
    expect(gateway.flatMap((s) => s.byTag.map((t) => t.n)).every((n) => n > 0)).toBe(true)
    expect(local.map((s) => s.costPerInteractionUsd)).toEqual([0, 0])
  })
})

describe('compare from totals', () => {
  it('gives the series figures compare.data gave, across two runs', () => {
    const slices = [...slicesOf(run.runId), ...slicesOf('run_big_older').slice(0, 2)]
    const expected = legacyCompareData(ctx, slices)
    const actual = compareData(ctx, slices)
    expect(actual.latencySloMs).toBe(expected.latencySloMs)
    // Everything but the latency distribution, whose shape changed (binned in the core; checked below).
    const figures = actual.series.map((s) => ({ ...s, latencyHistogram: null }))
    const legacy = expected.series.map((s) => ({ ...s, latenciesMs: undefined, latencyHistogram: null }))
    expectSameFigures(figures, JSON.parse(JSON.stringify(legacy)))
  })

  it('bins every answered call as the chart binned the shipped latencies', () => {
    const slices = slicesOf(run.runId)
    const expected = legacyHistogram(legacyCompareData(ctx, slices).series)
    const actual = compareData(ctx, slices).series
    expect(actual.map((s) => s.latencyHistogram.binMs)).toEqual(actual.map(() => expected.binMs))
    expect(actual.map((s) => s.latencyHistogram.counts)).toEqual(expected.counts)
  })

  it('gives the prompt trend the previous implementation gave, and a point for every other model too', () => {
    const expected = legacyPromptTrend(ctx, run.promptId)
    const actual = promptTrend(ctx, run.promptId)
    expect(expected.points.length).toBeGreaterThan(0)
    // The previous trend kept one model per version; each version now has a point per model it ran with
    // (one model id through two providers is two points), so the across-versions chart draws every model.
    const models = bigRunModels.map((m) => `${m.provider}/${m.model}`).sort()
    for (const version of new Set(expected.points.map((p) => p.versionNumber))) {
      const at = actual.points.filter((p) => p.versionNumber === version)
      expect(at.map((p) => `${p.provider}/${p.modelId}`).sort()).toEqual(models)
    }
    for (const old of expected.points) {
      const same = actual.points.find(
        (p) =>
          p.versionNumber === old.versionNumber && p.provider === old.provider && p.modelId === old.modelId,
      )
      expectSameFigures(same, old)
    }
  })

  it('pairs the same cases with the same outputs, scores and changes as before, filter by filter', () => {
    const [baseline, candidate] = [slicesOf(run.runId)[0], slicesOf(run.runId)[bigRunModels.length]]
    if (!baseline || !candidate) throw new Error('no slices')
    for (const filter of ['regressions', 'improvements', 'changed', 'all'] as const) {
      const input = { baseline, candidate, filter, offset: 0, limit: 500 }
      const actual = compareCases(ctx, input)
      expect(actual.total, filter).toBeGreaterThan(0)
      expect(actual).toEqual(legacyCompareCases(ctx, input))
    }
  })
})
