import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

/** A v12 workspace with one run over two tagged cases (one tag listed twice) and one untagged case. */
function v12WithRun(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 12), () => 't0')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 3, 'h');
    INSERT INTO case_revisions (hash, case_key, vars, expected, expected_output, tags, notes) VALUES
      ('ha', 'a', '{}', '{}', NULL, '["segment:smb","vip"]', ''),
      ('hb', 'b', '{}', '{}', NULL, '["segment:smb","segment:smb"]', ''),
      ('hc', 'c', '{}', '{}', NULL, '[]', '');
    INSERT INTO dataset_snapshot_cases (snapshot_id, position, case_id, revision_hash) VALUES
      ('s1', 0, 'ca', 'ha'), ('s1', 1, 'cb', 'hb'), ('s1', 2, 'cc', 'hc');
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r1', 'Run', 'completed', '{}', 's1', '[]', 't', 'a', '{}');
  `)
  return db
}

function addResult(
  db: Database.Database,
  caseId: string,
  r: { cost: number | null; ms: number | null; error?: boolean; cached?: boolean },
) {
  db.prepare(
    `INSERT INTO run_results (run_id, case_id, prompt_version_id, prompt_hash, provider, model_id, repeat, params, request,
       cost_usd, total_ms, attempts, attempt_log, error_kind, cached, created_at)
     VALUES ('r1', ?, 'v1', 'h', 'acme', 'm1', 0, '{}', '{}', ?, ?, 1, '[]', ?, ?, 't')`,
  ).run(caseId, r.cost, r.ms, r.error ? 'server' : null, r.cached ? 1 : 0)
}

function addScore(db: Database.Database, caseId: string, value: number | null) {
  db.prepare(
    `INSERT INTO run_scores (run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash, source,
       value, created_at) VALUES ('r1', ?, 'v1', 'acme', 'm1', 0, 'rule.x', 'h1', 'rule', ?, 't')`,
  ).run(caseId, value)
}

const resultTotals = (db: Database.Database) =>
  db
    .prepare(
      `SELECT tag, first_row, results, errors, priced, cost, timed, max_ms FROM run_result_totals ORDER BY tag`,
    )
    .all()
const scoreTotals = (db: Database.Database) =>
  db.prepare(`SELECT tag, n, passes, total, squares FROM run_score_totals ORDER BY tag`).all()

describe('0013_run_totals', () => {
  it('is the thirteenth migration', () => {
    expect(bundledMigrations[12]?.name).toBe('0013_run_totals.sql')
  })

  it('totals the results, scores and judge calls already stored, per slice and per case tag', () => {
    const db = v12WithRun()
    addResult(db, 'ca', { cost: 0.25, ms: 100 })
    addResult(db, 'cb', { cost: null, ms: 300 }) // price unknown
    addResult(db, 'cc', { cost: 0.5, ms: 5, cached: true })
    db.exec(`UPDATE run_results SET repeat = rowid`) // three rows of one slice
    addScore(db, 'ca', 1)
    db.exec(`UPDATE run_scores SET repeat = 1`)
    addScore(db, 'cb', 0.5)
    addScore(db, 'cc', null)
    db.exec(`INSERT INTO score_calls (run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash,
      sample, judge_provider, judge_model, request, cost_usd, attempts, created_at)
      VALUES ('r1', 'ca', 'v1', 'acme', 'm1', 0, 'judge.x', 'h2', 0, 'j', 'jm', '{}', 0.01, 1, 't')`)
    applyMigrations(db, bundledMigrations.slice(0, 13), () => 't1')
    expect(resultTotals(db)).toEqual([
      { tag: '', first_row: 1, results: 3, errors: 0, priced: 2, cost: 0.75, timed: 2, max_ms: 300 },
      {
        tag: 'segment:smb',
        first_row: 1,
        results: 2,
        errors: 0,
        priced: 1,
        cost: 0.25,
        timed: 2,
        max_ms: 300,
      },
      { tag: 'vip', first_row: 1, results: 1, errors: 0, priced: 1, cost: 0.25, timed: 1, max_ms: 100 },
    ])
    expect(scoreTotals(db)).toEqual([
      { tag: '', n: 2, passes: 1, total: 1.5, squares: 1.25 },
      { tag: 'segment:smb', n: 2, passes: 1, total: 1.5, squares: 1.25 },
      { tag: 'vip', n: 1, passes: 1, total: 1, squares: 1 },
    ])
    expect(db.prepare('SELECT calls, cost FROM run_judge_totals').all()).toEqual([{ calls: 1, cost: 0.01 }])
  })

  it('keeps the totals as rows are written, replaced and deleted, and drops them with the run', () => {
    const db = v12WithRun()
    applyMigrations(db, bundledMigrations.slice(0, 13), () => 't1')
    addResult(db, 'cb', { cost: null, ms: 700 })
    db.exec(`UPDATE run_results SET repeat = 1`)
    addResult(db, 'ca', { cost: 0.125, ms: null, error: true })
    expect(resultTotals(db)).toEqual([
      { tag: '', first_row: 1, results: 2, errors: 1, priced: 1, cost: 0.125, timed: 1, max_ms: 700 },
      {
        tag: 'segment:smb',
        first_row: 1,
        results: 2,
        errors: 1,
        priced: 1,
        cost: 0.125,
        timed: 1,
        max_ms: 700,
      },
      { tag: 'vip', first_row: 2, results: 1, errors: 1, priced: 1, cost: 0.125, timed: 0, max_ms: null },
    ])
    addScore(db, 'ca', 0)
    db.exec(`UPDATE run_scores SET value = 1 WHERE case_id = 'ca'`)
    addScore(db, 'cb', 0.25)
    db.exec(`DELETE FROM run_scores WHERE case_id = 'ca'`)
    expect(scoreTotals(db)).toEqual([
      { tag: '', n: 1, passes: 0, total: 0.25, squares: 0.0625 },
      { tag: 'segment:smb', n: 1, passes: 0, total: 0.25, squares: 0.0625 },
      { tag: 'vip', n: 0, passes: 0, total: 0, squares: 0 },
    ])
    db.exec(`DELETE FROM runs WHERE id = 'r1'`)
    expect([resultTotals(db), scoreTotals(db)]).toEqual([[], []])
  })

  it('leaves the new scores of a run held by a bulk writer to that writer, and only of that run', () => {
    const db = v12WithRun()
    applyMigrations(db, bundledMigrations.slice(0, 13), () => 't1')
    db.exec(`INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r2', 'Other', 'completed', '{}', 's1', '[]', 't', 'a', '{}')`)
    db.transaction(() => {
      db.exec(`INSERT INTO run_score_totals_writers (run_id) VALUES ('r1')`)
      addScore(db, 'ca', 1) // the writer adds this one to the totals itself
      db.exec(`INSERT INTO run_scores (run_id, case_id, prompt_version_id, provider, model_id, repeat, metric,
        scorer_hash, source, value, created_at) VALUES ('r2', 'ca', 'v1', 'acme', 'm1', 0, 'rule.x', 'h1', 'rule', 1, 't')`)
      db.exec(`DELETE FROM run_score_totals_writers WHERE run_id = 'r1'`)
    })()
    addScore(db, 'cb', 0.5) // released: the trigger again
    const perRun = db.prepare(`SELECT run_id, tag, n, total FROM run_score_totals ORDER BY run_id, tag`).all()
    expect(perRun).toEqual([
      { run_id: 'r1', tag: '', n: 1, total: 0.5 },
      { run_id: 'r1', tag: 'segment:smb', n: 1, total: 0.5 },
      { run_id: 'r2', tag: '', n: 1, total: 1 },
      { run_id: 'r2', tag: 'segment:smb', n: 1, total: 1 },
      { run_id: 'r2', tag: 'vip', n: 1, total: 1 },
    ])
  })

  it('sorts answered latencies per slice in an index a percentile reads', () => {
    const db = v12WithRun()
    applyMigrations(db, bundledMigrations.slice(0, 13), () => 't1')
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT total_ms FROM run_results WHERE run_id = 'r1' AND prompt_version_id = 'v1'
           AND provider = 'acme' AND model_id = 'm1' AND error_kind IS NULL AND cached = 0 AND total_ms IS NOT NULL
         ORDER BY total_ms LIMIT 2 OFFSET 5`,
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX run_results_by_latency')
  })
})
