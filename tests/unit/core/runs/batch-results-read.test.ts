import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { ResultRowPage } from '../../../../shared/domain/result-rows'
import type { Run, RunProgress, RunResult, RunResultPage } from '../../../../shared/domain/runs'
import type { RunSummary } from '../../../../shared/domain/scoring'
import { openContext } from '../../../fixtures/big-run'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'

const tempHome = useTempHomes()

function settled(core: Core, runId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || p.status === 'running') return
      stop()
      resolve()
    })
  })
}

/**
 * A streamed run of the simulated model, then 40 more answers written as the batch lane writes them (batch,
 * no latency, the batch price): what every reader of results must tell apart.
 */
async function runWithBatchAnswers(home: string) {
  const core = demoCore(home, { runner: { env: {}, demoLatencyScale: 0, flushMs: 10 } })
  const triage = await promptNamed(core, 'Ticket triage')
  const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
  const model = { provider: 'demo', model: 'triage-sim-2026-03' }
  const plan = { promptVersionIds: [triage.version.id], models: [model], datasetId: dataset?.id }
  const run = await call<Run>(core, 'runs.start', { ...plan, useCache: false, name: 'mixed' })
  await settled(core, run.id)
  const page = await call<RunResultPage>(core, 'runs.results', { runId: run.id, limit: 40 })
  const ctx = openContext(home)
  for (const r of page.results) {
    const result: RunResult = { ...r, repeat: 1, batch: true, ttftMs: null, totalMs: null }
    ctx.repos.runResults.insert(result)
  }
  ctx.db.close()
  return { core, run }
}

describe('batch answers in what reads results', () => {
  it('are left out of P50/P95 and counted apart; grid rows and exports carry the flag', async () => {
    const { core, run } = await runWithBatchAnswers(tempHome())
    const summary = await call<RunSummary>(core, 'runs.summary', { runId: run.id })
    const [slice] = summary.slices
    expect(slice?.batchResults).toBe(40)
    expect(slice?.latencyN).toBeGreaterThan(0)
    expect(slice?.results).toBe((slice?.latencyN ?? 0) + 40 + (slice?.errors ?? 0))
    expect(slice?.latencyP95Ms).not.toBeNull()

    const rows = await call<ResultRowPage>(core, 'runs.resultRows', { runId: run.id, offset: 0, limit: 500 })
    const batch = rows.results.filter((r) => r.batch)
    expect(batch).toHaveLength(40)
    expect(batch.every((r) => r.totalMs === null && r.repeat === 1)).toBe(true)

    const csv = await call<{ content: string }>(core, 'runs.exportResults', { runId: run.id, format: 'csv' })
    const rowsOf = parse<Record<string, string>>(csv.content, { columns: true })
    expect(rowsOf.filter((r) => r.batch === 'true')).toHaveLength(40)
    expect(rowsOf.filter((r) => r.batch === 'true').every((r) => r.latency_ms === '')).toBe(true)

    const jsonl = await call<{ content: string }>(core, 'runs.exportResults', {
      runId: run.id,
      format: 'jsonl',
    })
    const results = jsonl.content
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { result: { batch: boolean; latencyMs: number | null } }).result)
    expect(results.filter((r) => r.batch)).toHaveLength(40)
    expect(results.filter((r) => r.batch).every((r) => r.latencyMs === null)).toBe(true)
    core.close()
  })
})
