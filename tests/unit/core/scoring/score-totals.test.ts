import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../../../electron/main/core/db/migrations'
import { createRepos, type Repos } from '../../../../electron/main/core/db/repos'
import type { StoredScore } from '../../../../electron/main/core/db/repos/run-scores'
import { insertScoresWithTotals, type CaseTags } from '../../../../electron/main/core/scoring/score-totals'

const caseTags: Record<string, string[]> = {
  ca: ['segment:smb', 'vip'],
  cb: ['segment:smb', 'segment:smb'], // one tag listed twice counts once, as in the trigger
  cc: [],
}

/** A workspace at the latest schema with one run over three snapshot cases. */
function workspace(): { db: Database.Database; repos: Repos } {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations, () => 't')
  const revisions = Object.entries(caseTags)
    .map(([id, tags]) => `('h${id}', '${id}', '{}', '{}', NULL, '${JSON.stringify(tags)}', '')`)
    .join(', ')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots
      (id, dataset_id, number, message, created_at, created_by, case_count, content_hash, complete)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 3, 'h', 0);
    INSERT INTO case_revisions (hash, case_key, vars, expected, expected_output, tags, notes) VALUES ${revisions};
    INSERT INTO dataset_snapshot_cases (snapshot_id, position, case_id, revision_hash) VALUES
      ('s1', 0, 'ca', 'hca'), ('s1', 1, 'cb', 'hcb'), ('s1', 2, 'cc', 'hcc');
    UPDATE dataset_snapshots SET complete = 1 WHERE id = 's1';
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r1', 'Run', 'completed', '{}', 's1', '[]', 't', 'a', '{}');
  `)
  return { db, repos: createRepos(db) }
}

const tagsOf: CaseTags = (caseId) => [...new Set(['', ...(caseTags[caseId] ?? [])])]

/** Scores whose sums depend on the order they are added in (0.1 + 0.2 ≠ 0.2 + 0.1 in doubles), some unscored. */
function scores(): StoredScore[] {
  const values = [0.1, 0.2, 0.3, 1 / 3, 1, null, 0.7, 2 / 3, 0.9, 0.05, 0]
  const rows: StoredScore[] = []
  for (let repeat = 0; repeat < 40; repeat++) {
    for (const [i, caseId] of ['ca', 'cb', 'cc', 'cz'].entries()) {
      for (const metric of ['rule.a', 'format.b']) {
        rows.push({
          runId: 'r1',
          caseId, // cz is not in the snapshot: only the whole slice counts it
          promptVersionId: 'v1',
          provider: repeat % 3 === 0 ? 'acme' : 'local',
          modelId: 'm1',
          repeat,
          metric,
          scorerHash: 'h1',
          source: metric === 'rule.a' ? 'rule' : 'format',
          value: values[(repeat * 7 + i * 3 + metric.length) % values.length] ?? null,
          raw: null,
          passed: null,
          reason: '',
          details: {},
          createdAt: 't',
        })
      }
    }
  }
  return rows
}

const totals = (db: Database.Database) =>
  db.prepare(`SELECT * FROM run_score_totals ORDER BY provider, metric, scorer_hash, tag`).all()

describe('insertScoresWithTotals', () => {
  it('writes the scores and the same totals as the per-row trigger, to the last bit', () => {
    const byTrigger = workspace()
    const byPage = workspace()
    const all = scores()
    for (const s of all) byTrigger.repos.runScores.insert(s)
    let written = 0
    for (let i = 0; i < all.length; i += 37) {
      const page = all.slice(i, i + 37)
      written += byPage.db
        .transaction(() => insertScoresWithTotals(byPage.repos, 'r1', page, tagsOf))
        .immediate()
    }
    expect(written).toBe(all.length)
    const expected = totals(byTrigger.db)
    expect(expected.length).toBeGreaterThan(10)
    expect(totals(byPage.db)).toEqual(expected)
    expect(byPage.repos.runScores.count('r1')).toBe(all.length)
    // The run is released: a later insert by any other writer goes through the trigger again.
    expect(byPage.db.prepare(`SELECT COUNT(*) AS n FROM run_score_totals_writers`).get()).toEqual({ n: 0 })
  })

  it('skips a score already stored without counting it twice, and totals what other writers add later', () => {
    const byTrigger = workspace()
    const byPage = workspace()
    const all = scores()
    for (const s of all) byTrigger.repos.runScores.insert(s)
    const half = all.slice(0, 100)
    byPage.db.transaction(() => insertScoresWithTotals(byPage.repos, 'r1', half, tagsOf)).immediate()
    const again = byPage.db.transaction(() =>
      insertScoresWithTotals(byPage.repos, 'r1', all.slice(0, 150), tagsOf),
    )
    expect(again.immediate()).toBe(50)
    for (const s of all.slice(150)) byPage.repos.runScores.insert(s) // e.g. a bundle import: the trigger
    expect(totals(byPage.db)).toEqual(totals(byTrigger.db))
  })

  it('writes nothing, totals included, when a page fails', () => {
    const { db, repos } = workspace()
    const page = scores().slice(0, 20)
    const bad = { ...page[5]!, value: 2 } // breaks the CHECK: the whole page is rolled back
    const write = () =>
      db.transaction(() => insertScoresWithTotals(repos, 'r1', [...page, bad], tagsOf)).immediate()
    expect(write).toThrow(/CHECK/)
    expect(repos.runScores.count('r1')).toBe(0)
    expect(totals(db)).toEqual([])
    expect(db.prepare(`SELECT COUNT(*) AS n FROM run_score_totals_writers`).get()).toEqual({ n: 0 })
  })
})
