import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { CompareCase, CompareData, PromptTrend } from '../../../../shared/domain/compare'
import type { Run } from '../../../../shared/domain/runs'
import type { RunSummary } from '../../../../shared/domain/scoring'
import { call, demoCore, failure } from '../core-calls'
import { demoDatasetId, runToEnd, triage } from '../scoring/helpers'

interface Slice {
  runId: string
  promptVersionId: string
  provider: string
  modelId: string
}
interface CasesPage {
  total: number
  cases: CompareCase[]
}

let home = ''
let core: Core
let promptId = ''
let baseline: Slice
let candidate: Slice
const summaries: RunSummary[] = []

async function runAndScore(versionId: string, model: string, datasetId: string): Promise<Slice> {
  const models = [{ provider: 'demo', model }]
  const run: Run = await runToEnd(core, { promptVersionIds: [versionId], models, datasetId }, model)
  summaries.push(await call<RunSummary>(core, 'runs.score', { runId: run.id }))
  return { runId: run.id, promptVersionId: versionId, provider: 'demo', modelId: model }
}

// One pair of demo runs serves every test: running and scoring 2 × 145 cases is the slow part.
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'evallab-compare-'))
  core = demoCore(home, { runner: { demoLatencyScale: 0, flushMs: 10 } })
  // The simulated models are free; a price for the September one gives the cost figures something to add.
  const price = { provider: 'demo', model: 'triage-sim-2026-09', inputPerMTok: 3, outputPerMTok: 15 }
  await call(core, 'prices.save', price)
  const datasetId = await demoDatasetId(core)
  const detail = await triage(core)
  promptId = detail.prompt.id
  const id = (n: number) => detail.versions.find((v) => v.number === n)?.id ?? ''
  baseline = await runAndScore(id(4), 'triage-sim-2026-03', datasetId)
  candidate = await runAndScore(id(5), 'triage-sim-2026-09', datasetId)
}, 120_000)

afterAll(() => {
  core.close()
  rmSync(home, { recursive: true, force: true })
})

const cases = (filter: string, extra: object = {}) =>
  call<CasesPage>(core, 'compare.cases', { baseline, candidate, filter, ...extra })

describe('compare.data on the demo runs', () => {
  it('gives each slice the figures of its run summary, labelled', async () => {
    const data = await call<CompareData>(core, 'compare.data', { slices: [baseline, candidate] })
    expect(data.series.map((s) => s.label)).toEqual([
      'Ticket triage v4 · demo/triage-sim-2026-03 (run triage-sim-2026-03)',
      'Ticket triage v5 · demo/triage-sim-2026-09 (run triage-sim-2026-09)',
    ])
    data.series.forEach((series, i) => {
      const summary = summaries[i]?.slices[0]
      expect(series).toMatchObject({
        promptId,
        promptName: 'Ticket triage',
        results: summary?.results,
        errors: summary?.errors,
        metrics: summary?.metrics.filter((m) => m.n > 0),
        costPerInteractionUsd: summary?.costPerInteractionUsd,
        totalCostUsd: summary?.totalCostUsd,
        latencyP50Ms: summary?.latencyP50Ms,
        latencyP95Ms: summary?.latencyP95Ms,
      })
      expect(series.byTag.map((t) => [t.tag, t.n])).toEqual(summary?.byTag.map((t) => [t.tag, t.n]))
      expect(series.metrics.length).toBeGreaterThan(0)
      // Every answered call counted once, in bins shared by both series.
      const binned = series.latencyHistogram.counts.reduce((a, b) => a + b, 0)
      expect(binned).toBeGreaterThan(0)
      expect(binned).toBeLessThanOrEqual(series.results - series.errors)
      expect(series.latencyHistogram.binMs).toBe(data.series[0]?.latencyHistogram.binMs)
    })
    expect(data.latencySloMs).toBe(8000)
  })

  it('splits cost by segment so that one dimension adds up to the total', async () => {
    const data = await call<CompareData>(core, 'compare.data', { slices: [candidate] })
    const series = data.series[0]
    const segments = series?.costByTag.filter((c) => c.tag.startsWith('segment:')) ?? []
    expect(segments.length).toBeGreaterThan(1)
    expect(segments.reduce((n, c) => n + c.n, 0)).toBe(145)
    const total = segments.reduce((sum, c) => sum + c.totalCostUsd, 0)
    expect(series?.totalCostUsd).toBeGreaterThan(0)
    expect(total).toBeCloseTo(series?.totalCostUsd ?? NaN, 12)
  })

  it('names a missing run or a slice the run does not contain', async () => {
    const noRun = await failure(core, 'compare.data', { slices: [{ ...baseline, runId: 'nope' }] })
    expect(noRun).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('nope') })
    const wrong = await failure(core, 'compare.data', {
      slices: [{ ...baseline, modelId: 'triage-sim-2026-09' }],
    })
    expect(wrong.code).toBe('INVALID_INPUT')
    expect(wrong.message).toContain('does not include v4 × demo/triage-sim-2026-09')
    const empty = await failure(core, 'compare.data', { slices: [] })
    expect(empty.code).toBe('INVALID_INPUT')
  })
})

describe('compare.cases on the demo runs', () => {
  it('pairs every case and pages through them in dataset order after the regressions', async () => {
    const all = await cases('all', { limit: 500 })
    expect(all.total).toBe(145)
    const first = await cases('all', { offset: 0, limit: 10 })
    expect(first.cases.map((c) => c.caseId)).toEqual(all.cases.slice(0, 10).map((c) => c.caseId))
    const metrics = all.cases[0]?.scores.map((s) => s.metric)
    expect(metrics).toEqual(expect.arrayContaining(['format.json_schema', 'rule.category']))
    expect(all.cases.every((c) => c.caseKey !== null && c.tags.length > 0)).toBe(true)
  })

  it('lists regressions worst first, including the 6 malformed outputs of v5', async () => {
    const page = await cases('regressions', { limit: 500 })
    expect(page.total).toBeGreaterThanOrEqual(6)
    expect(page.cases.every((c) => c.change < 0)).toBe(true)
    const changes = page.cases.map((c) => c.change)
    expect(changes).toEqual([...changes].sort((a, b) => a - b))
    const malformed = page.cases.filter(
      (c) => c.scores.find((s) => s.metric === 'format.json_schema')?.candidate === 0,
    )
    expect(malformed).toHaveLength(6)
    expect(
      malformed.every((c) => c.scores.find((s) => s.metric === 'format.json_schema')?.baseline === 1),
    ).toBe(true)
  })

  it('filters improvements and changed outputs', async () => {
    const [all, improvements, changed] = await Promise.all([
      cases('all', { limit: 500 }),
      cases('improvements', { limit: 500 }),
      cases('changed', { limit: 500 }),
    ])
    expect(improvements.cases.every((c) => c.change > 0)).toBe(true)
    expect(changed.cases.every((c) => c.baseline.text !== c.candidate.text)).toBe(true)
    const regressions = all.cases.filter((c) => c.change < 0).length
    expect(changed.total).toBeGreaterThanOrEqual(regressions)
    expect(improvements.total + regressions).toBeLessThanOrEqual(all.total)
  })

  it('refuses a slice of another run', async () => {
    const error = await failure(core, 'compare.cases', {
      baseline,
      candidate: { ...candidate, runId: baseline.runId },
    })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain('v5 × demo/triage-sim-2026-09')
  })
})

describe('compare.promptTrend', () => {
  it('has a point for v4 and v5 from their latest completed runs', async () => {
    const trend = await call<PromptTrend>(core, 'compare.promptTrend', { promptId })
    const byVersion = new Map(trend.points.map((p) => [p.versionNumber, p]))
    expect(byVersion.get(4)).toMatchObject({ runId: baseline.runId, modelId: 'triage-sim-2026-03' })
    expect(byVersion.get(5)).toMatchObject({ runId: candidate.runId, modelId: 'triage-sim-2026-09' })
    const v5 = summaries[1]?.slices[0]
    expect(byVersion.get(5)?.metrics).toEqual(v5?.metrics.filter((m) => m.n > 0))
    expect(byVersion.get(5)?.latencyP95Ms).toBe(v5?.latencyP95Ms)
    const numbers = trend.points.map((p) => p.versionNumber)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
  })

  it('refuses an unknown prompt', async () => {
    expect((await failure(core, 'compare.promptTrend', { promptId: 'nope' })).code).toBe('NOT_FOUND')
  })
})
