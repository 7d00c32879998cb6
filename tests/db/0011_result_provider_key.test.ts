import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

const v11 = bundledMigrations[10]
const plan = (models: { provider: string; model: string }[]) =>
  JSON.stringify({ promptVersionIds: ['pv'], models, datasetId: 'd', repeats: 2, useCache: true })

/**
 * A workspace at v10 as the old key left it: run r1 planned `local-llm/qwen2.5` and `vllm-box/qwen2.5` but
 * holds only local-llm's results (vllm-box's were skipped as duplicates); run r2 has a score and a judge call
 * whose result row is missing (possible only by hand), so the plan must say the provider; run r3's plan does
 * not name the model at all. A pairwise review queue names its slices by model id only.
 */
function v10Workspace(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 10), () => 't0')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 0, 'h');
    INSERT INTO rubrics (id, key, version, name, criteria, created_at) VALUES ('rb', 'q', 1, 'Q', '[]', 't');
  `)
  const run = db.prepare(
    `INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
     VALUES (?, 'Run', 'completed', ?, 's1', '[]', 't', 'a', '{}')`,
  )
  run.run(
    'r1',
    plan([
      { provider: 'local-llm', model: 'qwen2.5' },
      { provider: 'vllm-box', model: 'qwen2.5' },
    ]),
  )
  run.run('r2', plan([{ provider: 'gateway', model: 'gpt-4o-2024-08-06' }]))
  run.run('r3', plan([{ provider: 'openai', model: 'gpt-4o-mini' }]))
  for (const [caseId, repeat] of [
    ['c1', 0],
    ['c2', 0],
    ['c1', 1],
  ] as const) {
    addResult(db, { run: 'r1', caseId, repeat })
    addScore(db, { run: 'r1', caseId, repeat })
  }
  addCall(db, { run: 'r1', caseId: 'c1', repeat: 0 })
  addScore(db, { run: 'r2', caseId: 'c9', model: 'gpt-4o-2024-08-06' })
  addCall(db, { run: 'r2', caseId: 'c9', model: 'gpt-4o-2024-08-06' })
  addScore(db, { run: 'r3', caseId: 'c9', model: 'mystery' })
  db.exec(`
    INSERT INTO review_queues (id, name, run_id, rubric_id, mode, blind, reviewers_per_item, definition, created_at,
      created_by) VALUES ('q1', 'Pair', 'r1', 'rb', 'pairwise', 0, 1,
      '{"source":{"kind":"all"},"pair":{"a":{"promptVersionId":"pv","modelId":"qwen2.5"},"b":{"promptVersionId":"pv2","modelId":"qwen2.5"}}}',
      't', 'a');
    INSERT INTO review_items (id, queue_id, case_id, results, content, position) VALUES ('i1', 'q1', 'c1',
      '[{"promptVersionId":"pv","provider":"local-llm","modelId":"qwen2.5","repeat":0},{"promptVersionId":"pv2","provider":"vllm-box","modelId":"qwen2.5","repeat":0}]',
      '{}', 1);
    INSERT INTO review_queues (id, name, run_id, rubric_id, mode, blind, reviewers_per_item, definition, created_at,
      created_by) VALUES ('q2', 'Single', 'r1', 'rb', 'single', 1, 1, '{"source":{"kind":"all"}}', 't', 'a');
  `)
  return db
}

interface Row {
  run?: string
  caseId: string
  repeat?: number
  provider?: string
  model?: string
}

function addResult(db: Database.Database, r: Row): number {
  return db
    .prepare(
      `INSERT INTO run_results (run_id, case_id, prompt_version_id, prompt_hash, provider, model_id, repeat, params,
         request, response_text, attempts, attempt_log, created_at)
       VALUES (@run, @caseId, 'pv', 'h', @provider, @model, @repeat, '{}', '{}', @text, 1, '[]', 't')
       ON CONFLICT DO NOTHING`,
    )
    .run({
      run: 'r1',
      repeat: 0,
      provider: 'local-llm',
      model: 'qwen2.5',
      text: `${r.caseId}/${r.repeat ?? 0}`,
      ...r,
    }).changes
}

function addScore(db: Database.Database, r: Row, withProvider = false): number {
  const provider = withProvider ? 'provider, ' : ''
  return db
    .prepare(
      `INSERT INTO run_scores (run_id, case_id, prompt_version_id, ${provider}model_id, repeat, metric, scorer_hash,
         source, value, raw, passed, created_at)
       VALUES (@run, @caseId, 'pv', ${withProvider ? '@provider, ' : ''}@model, @repeat, 'format.json', 'h1',
         'format', 1, 1, 1, 't')
       ON CONFLICT DO NOTHING`,
    )
    .run({ run: 'r1', repeat: 0, model: 'qwen2.5', ...(withProvider ? { provider: 'local-llm' } : {}), ...r })
    .changes
}

function addCall(db: Database.Database, r: Row): void {
  db.prepare(
    `INSERT INTO score_calls (run_id, case_id, prompt_version_id, model_id, repeat, metric, scorer_hash, sample,
       judge_provider, judge_model, request, cost_usd, attempts, created_at)
     VALUES (@run, @caseId, 'pv', @model, @repeat, 'judge.q', 'hj', 0, 'openai', 'gpt-4o', '{}', 0.01, 1, 't')`,
  ).run({ run: 'r1', repeat: 0, model: 'qwen2.5', ...r })
}

function upgraded(): Database.Database {
  const db = v10Workspace()
  applyMigrations(db, bundledMigrations.slice(0, 11), () => 't1')
  return db
}

const all = (db: Database.Database, sql: string): unknown[] => db.prepare(sql).all()
const tableSql = (db: Database.Database, name: string): string =>
  db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) as string

describe('0011_result_provider_key', () => {
  it('is the eleventh migration', () => {
    expect(v11?.name).toBe('0011_result_provider_key.sql')
  })

  it('carries every result over unchanged, rowids (write order) included', () => {
    const db = v10Workspace()
    const before = all(db, 'SELECT rowid, * FROM run_results ORDER BY rowid')
    applyMigrations(db, bundledMigrations.slice(0, 11), () => 't1')
    expect(all(db, 'SELECT rowid, * FROM run_results ORDER BY rowid')).toEqual(before)
    expect(before).toHaveLength(3)
  })

  it('fills the provider of scores and judge calls from their result, else from the run plan', () => {
    const db = v10Workspace()
    const scoresBefore = all(db, 'SELECT rowid, * FROM run_scores ORDER BY rowid') as Record<
      string,
      unknown
    >[]
    const callsBefore = all(db, 'SELECT * FROM score_calls ORDER BY id') as Record<string, unknown>[]
    applyMigrations(db, bundledMigrations.slice(0, 11), () => 't1')
    const scores = all(db, 'SELECT rowid, * FROM run_scores ORDER BY rowid') as Record<string, unknown>[]
    const calls = all(db, 'SELECT * FROM score_calls ORDER BY id') as Record<string, unknown>[]
    expect(scores).toHaveLength(scoresBefore.length)
    expect(calls).toHaveLength(callsBefore.length)
    // No row lost or changed: each is the old row plus its provider.
    expect(scores.map(({ provider: _, ...rest }) => rest)).toEqual(scoresBefore)
    expect(calls.map(({ provider: _, ...rest }) => rest)).toEqual(callsBefore)
    expect(scores.map((s) => s.provider)).toEqual(['local-llm', 'local-llm', 'local-llm', 'gateway', ''])
    expect(calls.map((c) => c.provider)).toEqual(['local-llm', 'gateway'])
  })

  it('keeps both providers of one model id, and still refuses the same result twice', () => {
    const db = upgraded()
    expect(addResult(db, { caseId: 'c1', provider: 'vllm-box' })).toBe(1)
    expect(addResult(db, { caseId: 'c1', provider: 'vllm-box' })).toBe(0)
    expect(addResult(db, { caseId: 'c1', provider: 'local-llm' })).toBe(0)
    const rows = all(
      db,
      "SELECT provider FROM run_results WHERE case_id = 'c1' AND repeat = 0 ORDER BY provider",
    )
    expect(rows).toEqual([{ provider: 'local-llm' }, { provider: 'vllm-box' }])

    expect(addScore(db, { caseId: 'c1', provider: 'vllm-box' }, true)).toBe(1)
    expect(addScore(db, { caseId: 'c1', provider: 'vllm-box' }, true)).toBe(0)
    expect(addScore(db, { caseId: 'c1', provider: 'local-llm' }, true)).toBe(0)
  })

  it('drops the old key: no constraint or index on run_results or run_scores leaves the provider out', () => {
    const db = upgraded()
    expect(tableSql(db, 'run_results')).toContain(
      'UNIQUE (run_id, case_id, prompt_version_id, provider, model_id, repeat)',
    )
    expect(tableSql(db, 'run_scores')).toContain(
      'UNIQUE (run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash)',
    )
    for (const table of ['run_results', 'run_scores']) {
      for (const index of all(db, `PRAGMA index_list(${table})`) as { name: string; unique: number }[]) {
        const columns = (all(db, `PRAGMA index_info(${index.name})`) as { name: string | null }[]).map(
          (c) => c.name,
        )
        if (columns.includes('model_id')) expect(columns, `${table}.${index.name}`).toContain('provider')
      }
    }
    expect(all(db, "SELECT name FROM sqlite_master WHERE name LIKE '%_v11'")).toEqual([])
  })

  it('keeps the tables STRICT, their checks, and their cascade with the run', () => {
    const db = upgraded()
    for (const t of ['run_results', 'run_scores', 'score_calls'])
      expect(tableSql(db, t)).toMatch(/\) STRICT$/)
    expect(() => db.exec(`UPDATE run_results SET attempts = 'many'`)).toThrow(/cannot store TEXT/)
    expect(() => db.exec('UPDATE run_scores SET value = 2')).toThrow(/CHECK/)
    expect(() => addResult(db, { run: 'nope', caseId: 'c1' })).toThrow(/FOREIGN KEY/)
    db.exec("DELETE FROM runs WHERE id = 'r1'")
    expect(db.prepare("SELECT COUNT(*) FROM run_results WHERE run_id = 'r1'").pluck().get()).toBe(0)
    expect(db.prepare("SELECT COUNT(*) FROM run_scores WHERE run_id = 'r1'").pluck().get()).toBe(0)
    expect(db.prepare("SELECT COUNT(*) FROM score_calls WHERE run_id = 'r1'").pluck().get()).toBe(0)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it("names the provider of a pairwise queue's slices, from its items", () => {
    const db = upgraded()
    const definition = (id: string) =>
      JSON.parse(
        db.prepare('SELECT definition FROM review_queues WHERE id = ?').pluck().get(id) as string,
      ) as unknown
    expect(definition('q1')).toEqual({
      source: { kind: 'all' },
      pair: {
        a: { promptVersionId: 'pv', provider: 'local-llm', modelId: 'qwen2.5' },
        b: { promptVersionId: 'pv2', provider: 'vllm-box', modelId: 'qwen2.5' },
      },
    })
    expect(definition('q2')).toEqual({ source: { kind: 'all' } })
  })
})
