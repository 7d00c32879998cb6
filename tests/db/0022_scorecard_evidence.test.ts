import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'
import { createScorecardEvidenceRepo } from '../../electron/main/core/db/repos/scorecard-evidence'
import type { BundleCheck } from '../../shared/domain/scorecard'

const manifest = `sha256:${'b'.repeat(64)}`
const at = bundledMigrations.findIndex((m) => m.name === '0022_scorecard_evidence.sql')

/** A workspace from before 0022 with a prompt and one export of its baseline folder, then migrated. */
function migratedWithExport(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, at), () => 't0')
  db.exec(`
    INSERT INTO prompts (id, name, created_at, updated_at) VALUES ('p1', 'Triage', 't', 't');
    INSERT INTO bundle_exports (prompt_id, folder, exported_at, exported_by, manifest_sha256, commit_sha)
      VALUES ('p1', '/repo/evals/triage', '2026-11-01T10:00:00.000Z', 'ana', '${manifest}', NULL);
  `)
  applyMigrations(db, bundledMigrations.slice(0, at + 1), () => 't1')
  return db
}

const check = (patch: Partial<BundleCheck> = {}): BundleCheck => ({
  promptId: 'p1',
  manifestSha256: manifest,
  command: 'gate',
  outcome: 'pass',
  checkedAt: '2026-11-02T09:00:00.000Z',
  source: 'cli',
  ciRunUrl: null,
  recordedAt: '2026-11-02T09:00:01.000Z',
  ...patch,
})

describe('0022_scorecard_evidence', () => {
  it('is numbered 22', () => {
    expect(at).toBe(21)
    expect(bundledMigrations[at]?.version).toBe(22)
  })

  it('keeps an existing workspace’s exports and records CLI checks against them, once each', () => {
    const db = migratedWithExport()
    const repo = createScorecardEvidenceRepo(db)
    expect(repo.promptOfManifest(manifest)).toBe('p1')
    expect(repo.promptOfManifest(`sha256:${'c'.repeat(64)}`)).toBeNull()
    expect(repo.checksOf('p1')).toEqual([])
    expect(repo.insertCheck(check())).toBe(true)
    expect(repo.insertCheck(check())).toBe(false)
    expect(repo.insertCheck(check({ source: 'ci-status', ciRunUrl: 'https://ci.acme.test/7' }))).toBe(true)
    expect(
      repo.insertCheck(
        check({ command: 'verify', outcome: 'verified', checkedAt: '2026-11-03T00:00:00.000Z' }),
      ),
    ).toBe(true)
    expect(repo.checksOf('p1').map((c) => [c.command, c.source, c.checkedAt])).toEqual([
      ['verify', 'cli', '2026-11-03T00:00:00.000Z'],
      ['gate', 'ci-status', '2026-11-02T09:00:00.000Z'],
      ['gate', 'cli', '2026-11-02T09:00:00.000Z'],
    ])
  })

  it('refuses an unknown command, outcome or source, and a check of a prompt that does not exist', () => {
    const db = migratedWithExport()
    const repo = createScorecardEvidenceRepo(db)
    expect(() => repo.insertCheck(check({ outcome: 'green' as BundleCheck['outcome'] }))).toThrow(
      /CHECK constraint/,
    )
    expect(() => repo.insertCheck(check({ command: 'run' as BundleCheck['command'] }))).toThrow(
      /CHECK constraint/,
    )
    expect(() => repo.insertCheck(check({ source: 'email' as BundleCheck['source'] }))).toThrow(
      /CHECK constraint/,
    )
    expect(() => repo.insertCheck(check({ promptId: 'nope' }))).toThrow(/FOREIGN KEY/)
  })

  it('keeps every runbook recorded; the newest is current', () => {
    const db = migratedWithExport()
    const repo = createScorecardEvidenceRepo(db)
    expect(repo.runbook()).toBeNull()
    repo.insertRunbook({ location: '/docs/RUNBOOK.md', kind: 'file', recordedAt: 't2', recordedBy: 'ana' })
    repo.insertRunbook({
      location: 'https://wiki.acme.test/rb',
      kind: 'link',
      recordedAt: 't3',
      recordedBy: 'ben',
    })
    expect(repo.runbook()).toEqual({
      location: 'https://wiki.acme.test/rb',
      kind: 'link',
      recordedAt: 't3',
      recordedBy: 'ben',
    })
    expect(db.prepare('SELECT COUNT(*) AS n FROM incident_runbooks').get()).toEqual({ n: 2 })
    expect(() =>
      repo.insertRunbook({ location: '', kind: 'link', recordedAt: 't4', recordedBy: 'x' }),
    ).toThrow(/CHECK constraint/)
  })
})
