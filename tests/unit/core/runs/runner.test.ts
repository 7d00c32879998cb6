import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core, CoreOptions } from '../../../../electron/main/core'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { Run, RunEstimate, RunProgress, RunResult, RunResultPage } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'

const tempHome = useTempHomes()
const simA = { provider: 'demo', model: 'triage-sim-2026-03' }
const simB = { provider: 'demo', model: 'triage-sim-2026-09' }
const done = new Set(['completed', 'paused', 'cancelled', 'failed', 'interrupted'])

function open(home: string, latencyScale = 0, extra: Partial<CoreOptions> = {}): Core {
  return demoCore(home, { runner: { demoLatencyScale: latencyScale, flushMs: 20 }, ...extra })
}

async function planOf(core: Core, extra: Record<string, unknown> = {}) {
  const triage = await promptNamed(core, 'Ticket triage')
  const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
  const versionIds = triage.versions.slice(0, 2).map((v) => v.id)
  return { promptVersionIds: versionIds, models: [simA], datasetId: dataset?.id, ...extra }
}

/** Resolves with the run once it leaves 'running' (checked on every event, and once at the start). */
function settled(core: Core, runId: string): Promise<Run> {
  return new Promise((resolve) => {
    const check = async (): Promise<void> => {
      const run = await call<Run>(core, 'runs.get', { id: runId })
      if (done.has(run.status)) {
        stop()
        resolve(run)
      }
    }
    const stop = core.bus.subscribe((event, payload) => {
      if (event === 'runs.progress' && (payload as RunProgress).runId === runId) void check()
    })
    void check()
  })
}

/** Resolves once at least `n` results of the run were written. */
function written(core: Core, runId: string, n: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event === 'runs.progress' && p.runId === runId && p.done >= n) {
        stop()
        resolve()
      }
    })
  })
}

async function allResults(core: Core, runId: string): Promise<RunResult[]> {
  const out: RunResult[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await call<RunResultPage>(core, 'runs.results', { runId, offset, limit: 500 })
    out.push(...page.results)
    if (out.length >= page.total) return out
  }
}

const keyOf = (r: RunResult) => `${r.caseId}|${r.promptVersionId}|${r.modelId}|${r.repeat}`

function answers(results: readonly RunResult[]): Map<string, string | null> {
  const map = new Map(results.map((r) => [keyOf(r), r.responseText]))
  expect(map.size).toBe(results.length) // never a duplicate row
  return map
}

describe('runs.plan', () => {
  it('counts every case × version × model × repeat and prices simulated models at 0', async () => {
    const core = open(tempHome())
    const estimate = await call<RunEstimate>(
      core,
      'runs.plan',
      await planOf(core, { models: [simA, simB], repeats: 2 }),
    )
    const cases = estimate.datasetSnapshot.caseCount
    expect(cases).toBeGreaterThan(0)
    expect(estimate.calls).toBe(cases * 2 * 2 * 2)
    expect(estimate.estimatedCostUsd).toBe(0)
    expect(estimate.estimatedInputTokens).toBeGreaterThan(0)
    expect(estimate.expectedSeconds).toBeGreaterThan(0)
    core.close()
  })
})

describe('runs on the demo provider', () => {
  it('completes with every result present exactly once', async () => {
    const core = open(tempHome())
    const run = await call<Run>(core, 'runs.start', {
      ...(await planOf(core, { models: [simA, simB] })),
      name: 'r',
    })
    expect(run.status).toBe('running')
    const final = await settled(core, run.id)
    expect(final.status).toBe('completed')
    const results = await allResults(core, run.id)
    expect(answers(results).size).toBe(run.counts.total)
    expect(final.counts).toMatchObject({ total: run.counts.total, done: run.counts.total })
    // Two versions that render the same request share one answer: the second is a cache hit of this run (no
    // call, attempts 0) whenever the first answered before it was sent, which depends on scheduling.
    const calledOrCached = (r: RunResult): boolean => r.attempts >= 1 || (r.cached && r.attempts === 0)
    expect(results.every((r) => r.costUsd === 0 && calledOrCached(r) && r.request.messages.length > 0)).toBe(
      true,
    )
    core.close()
  })

  it('refuses to delete a dataset whose snapshots a run used, naming the run', async () => {
    const core = open(tempHome())
    const plan = await planOf(core)
    const run = await call<Run>(core, 'runs.start', { ...plan, name: 'Baseline March' })
    await settled(core, run.id)
    const refused = await core.dispatch('datasets.delete', { id: plan.datasetId })
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Baseline March'),
    })
    core.close()
  })

  it('answers a second identical run at temperature 0 from the cache, without calls', async () => {
    const core = open(tempHome())
    const plan = await planOf(core)
    await settled(core, (await call<Run>(core, 'runs.start', { ...plan, name: 'first' })).id)
    const second = await call<Run>(core, 'runs.start', { ...plan, name: 'second' })
    expect((await settled(core, second.id)).counts.cached).toBe(second.counts.total)
    const results = await allResults(core, second.id)
    expect(results.every((r) => r.cached && r.attempts === 0 && r.responseText !== null)).toBe(true)
    const off = await call<Run>(core, 'runs.start', { ...plan, useCache: false, name: 'uncached' })
    expect((await settled(core, off.id)).counts.cached).toBe(0)
    core.close()
  })

  it('pauses, keeps what was written, and resumes to completion', async () => {
    const core = open(tempHome(), 0.2, { runner: { demoLatencyScale: 0.2, flushRows: 5, flushMs: 20 } })
    const run = await call<Run>(core, 'runs.start', {
      ...(await planOf(core, { concurrency: { demo: 2 } })),
      name: 'r',
    })
    await written(core, run.id, 5)
    const paused = await call<Run>(core, 'runs.pause', { id: run.id })
    expect(paused.status).toBe('paused')
    expect(paused.counts.done).toBeLessThan(run.counts.total)
    expect((await allResults(core, run.id)).length).toBe(paused.counts.done)
    await call<Run>(core, 'runs.resume', { id: run.id })
    expect((await settled(core, run.id)).status).toBe('completed')
    expect(answers(await allResults(core, run.id)).size).toBe(run.counts.total)
    core.close()
  })

  it('cancels, then a resume calls only what is missing', async () => {
    const core = open(tempHome(), 0.2, { runner: { demoLatencyScale: 0.2, flushRows: 5, flushMs: 20 } })
    const run = await call<Run>(core, 'runs.start', {
      ...(await planOf(core, { concurrency: { demo: 4 } })),
      name: 'r',
    })
    await written(core, run.id, 5)
    const cancelled = await call<Run>(core, 'runs.cancel', { id: run.id })
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.counts.done).toBeLessThan(run.counts.total)
    await call<Run>(core, 'runs.resume', { id: run.id })
    expect((await settled(core, run.id)).status).toBe('completed')
    expect(answers(await allResults(core, run.id)).size).toBe(run.counts.total)
    core.close()
  })

  it('cancelled while it still reads its cases, sends nothing; a resume then calls every item exactly once', async () => {
    const core = open(tempHome())
    const run = await call<Run>(core, 'runs.start', {
      ...(await planOf(core, { models: [simA, simB], repeats: 2 })),
      name: 'r',
    })
    // Cases and done keys are read in slices after runs.start returns: cancel before the first call.
    const cancelled = await call<Run>(core, 'runs.cancel', { id: run.id })
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.counts.done).toBe(0)
    await call<Run>(core, 'runs.resume', { id: run.id })
    expect((await settled(core, run.id)).status).toBe('completed')
    const results = await allResults(core, run.id)
    expect(answers(results).size).toBe(run.counts.total)
    expect(new Set(results.map((r) => r.repeat))).toEqual(new Set([0, 1]))
    core.close()
  })

  it('after a crash the run is interrupted, resumes, and ends equal to a run without the crash', async () => {
    const home = tempHome()
    const options = { runner: { demoLatencyScale: 0.2, flushRows: 5, flushMs: 20 } }
    let core = open(home, 0.2, options)
    const plan = { ...(await planOf(core, { concurrency: { demo: 4 }, useCache: false })) }
    const run = await call<Run>(core, 'runs.start', { ...plan, name: 'crashed' })
    await written(core, run.id, 10)
    core.close()
    // As if the process died before it could mark the run: only the next open can tell.
    const db = new Database(join(home, 'evallab.db'))
    db.prepare("UPDATE runs SET status = 'running' WHERE id = ?").run(run.id)
    db.close()
    core = open(home, 0, options)
    const reopened = await call<Run>(core, 'runs.get', { id: run.id })
    expect(reopened.status).toBe('interrupted')
    expect(reopened.counts.done).toBeLessThan(run.counts.total)
    await call<Run>(core, 'runs.resume', { id: run.id })
    expect((await settled(core, run.id)).status).toBe('completed')
    const reference = await call<Run>(core, 'runs.start', { ...plan, name: 'reference' })
    await settled(core, reference.id)
    const crashed = answers(await allResults(core, run.id))
    expect(crashed).toEqual(answers(await allResults(core, reference.id)))
    expect(crashed.size).toBe(run.counts.total)
    core.close()
  })

  it('sends at most 10 progress events a second', async () => {
    const core = open(tempHome(), 0.2, { runner: { demoLatencyScale: 0.2, flushRows: 1, flushMs: 1 } })
    const stamps: number[] = []
    core.bus.subscribe((event) => {
      if (event === 'runs.progress') stamps.push(Date.now())
    })
    const run = await call<Run>(core, 'runs.start', {
      ...(await planOf(core, { concurrency: { demo: 8 } })),
      name: 'r',
    })
    await settled(core, run.id)
    await new Promise((resolve) => setTimeout(resolve, 150)) // the final, trailing event
    expect(stamps.length).toBeGreaterThan(2)
    for (let i = 0; i + 10 < stamps.length; i++) {
      expect((stamps[i + 10] ?? 0) - (stamps[i] ?? 0)).toBeGreaterThanOrEqual(1000)
    }
    core.close()
  })
})
