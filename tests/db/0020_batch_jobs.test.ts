import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'
import { createBatchItemsRepo } from '../../electron/main/core/db/repos/batch-items'
import { createBatchJobsRepo } from '../../electron/main/core/db/repos/batch-jobs'

function v20WithRun(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 19), () => 't0')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots
      (id, dataset_id, number, message, created_at, created_by, case_count, content_hash, complete)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 0, 'h1', 1);
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r1', 'Run', 'running', '{}', 's1', '[]', 't', 'a', '{}');
  `)
  applyMigrations(db, bundledMigrations.slice(0, 20), () => 't1')
  return db
}

const key = {
  caseId: 'c1',
  promptVersionId: 'v1',
  provider: 'acme-openai',
  modelId: 'gpt-4o-mini',
  repeat: 0,
}

describe('0020_batch_jobs', () => {
  it('is the twentieth migration', () => {
    expect(bundledMigrations[19]?.name).toBe('0020_batch_jobs.sql')
  })

  it('stores a job with its items before it is sent, then its remote id, polls and collection', () => {
    const db = v20WithRun()
    const jobs = createBatchJobsRepo(db)
    const items = createBatchItemsRepo(db)
    jobs.insert({ id: 'bj1', runId: 'r1', provider: 'acme-openai', requests: 2, attempt: 1, createdAt: 't2' })
    items.insert({ jobId: 'bj1', customId: 'i0', ...key, requestHash: 'h', attempt: 1 })
    items.insert({ jobId: 'bj1', customId: 'i1', ...key, repeat: 1, requestHash: null, attempt: 1 })
    expect(jobs.unfinished('r1', 'acme-openai').map((j) => j.state)).toEqual(['preparing'])
    expect(items.pendingOfRun('r1', 'acme-openai')).toHaveLength(2)
    expect(jobs.setSubmitted('bj1', 'batch_9', 'file_3', 't3')).toBe(true)
    // A job adopted or sent once is never marked sent again.
    expect(jobs.setSubmitted('bj1', 'batch_10', null, 't4')).toBe(false)
    jobs.setPolled('bj1', {
      state: 'submitted',
      remoteStatus: 'in_progress',
      succeeded: 1,
      failed: 0,
      expired: 0,
      endedAt: null,
      lastPolledAt: 't5',
      message: null,
    })
    expect(jobs.wait('r1')).toEqual({ jobs: 1, submittedAt: 't3', done: 1, total: 2, lastPolledAt: 't5' })
    items.setState('bj1', 'i0', 'answered')
    items.setState('bj1', 'i1', 'expired')
    jobs.setState('bj1', 'collected')
    expect(jobs.wait('r1')).toBeNull()
    expect(jobs.runsWithUnfinished()).toEqual([])
    expect(jobs.listOfRun('r1')[0]).toMatchObject({ remoteId: 'batch_9', state: 'collected', requests: 2 })
    expect(items.ofJob('bj1').map((i) => i.state)).toEqual(['answered', 'expired'])
  })

  it('refuses unknown states, bad custom ids, and goes with its run', () => {
    const db = v20WithRun()
    const jobs = createBatchJobsRepo(db)
    const items = createBatchItemsRepo(db)
    jobs.insert({ id: 'bj1', runId: 'r1', provider: 'acme', requests: 1, attempt: 1, createdAt: 't' })
    expect(() => jobs.setState('bj1', 'lost' as never)).toThrow(/CHECK/)
    expect(() =>
      items.insert({ jobId: 'bj1', customId: 'x'.repeat(65), ...key, requestHash: null, attempt: 1 }),
    ).toThrow(/CHECK/)
    expect(() =>
      items.insert({ jobId: 'nope', customId: 'i0', ...key, requestHash: null, attempt: 1 }),
    ).toThrow(/FOREIGN KEY/)
    items.insert({ jobId: 'bj1', customId: 'i0', ...key, requestHash: null, attempt: 1 })
    db.exec("DELETE FROM runs WHERE id = 'r1'")
    expect(db.prepare('SELECT COUNT(*) AS n FROM run_batch_items').get()).toEqual({ n: 0 })
  })
})
