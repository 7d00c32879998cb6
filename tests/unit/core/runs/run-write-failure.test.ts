import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { Run, RunProgress, RunResultPage } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'

const tempHome = useTempHomes()
const finished = new Set(['completed', 'paused', 'cancelled', 'failed', 'interrupted'])

function settled(core: Core, runId: string): Promise<Run> {
  return new Promise((resolve) => {
    const check = async (): Promise<void> => {
      const run = await call<Run>(core, 'runs.get', { id: runId })
      if (!finished.has(run.status)) return
      stop()
      resolve(run)
    }
    const stop = core.bus.subscribe((event, payload) => {
      if (event === 'runs.progress' && (payload as RunProgress).runId === runId) void check()
    })
  })
}

/** What a full disk looks like to the runner: every insert after the first `allowed` rows is refused. */
function failInsertsAfter(home: string, allowed: number): () => void {
  const db = new Database(join(home, 'evallab.db'))
  db.exec(`CREATE TRIGGER simulated_disk_full BEFORE INSERT ON run_results
    WHEN (SELECT count(*) FROM run_results) >= ${allowed}
    BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END`)
  return () => {
    db.exec('DROP TRIGGER simulated_disk_full')
    db.close()
  }
}

describe('a batch of results that cannot be written', () => {
  it('fails the run resumably, with totals matching the stored rows, and resume completes it', async () => {
    const home = tempHome()
    const core = demoCore(home, { runner: { demoLatencyScale: 0, flushRows: 5, flushMs: 10 } })
    const triage = await promptNamed(core, 'Ticket triage')
    const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
    const restore = failInsertsAfter(home, 10)
    const run = await call<Run>(core, 'runs.start', {
      name: 'disk full',
      promptVersionIds: [triage.version.id],
      models: [{ provider: 'demo', model: 'triage-sim-2026-03' }],
      datasetId: dataset?.id,
      useCache: false,
    })
    const failed = await settled(core, run.id)
    expect(failed.status).toBe('failed')
    const stored = await call<RunResultPage>(core, 'runs.results', { runId: run.id, limit: 500 })
    expect(stored.total).toBe(10)
    expect(failed.counts.done).toBe(10) // the failed batch rolled back, and so did its totals
    const history = new Database(join(home, 'evallab.db'), { readonly: true })
    const audit = history
      .prepare("SELECT details FROM audit_log WHERE action = 'run.failed' AND entity_id = ?")
      .all(run.id) as { details: string }[]
    history.close()
    expect(audit[0]?.details).toContain('disk is full')

    restore()
    await call<Run>(core, 'runs.resume', { id: run.id })
    const completed = await settled(core, run.id)
    expect(completed.status).toBe('completed')
    const all = await call<RunResultPage>(core, 'runs.results', { runId: run.id, limit: 500 })
    expect(all.total).toBe(145)
    expect(completed.counts.done).toBe(145)
    core.close()
  })
})
