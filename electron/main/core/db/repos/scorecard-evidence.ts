import type { BundleCheck, BundleCheckOutcome, IncidentRunbook } from '../../../../../shared/domain/scorecard'
import type { Db } from '../connection'

interface CheckRow {
  prompt_id: string
  manifest_sha256: string
  command: BundleCheck['command']
  outcome: BundleCheckOutcome
  checked_at: string
  source: BundleCheck['source']
  ci_run_url: string | null
  recorded_at: string
}

interface RunbookRow {
  location: string
  kind: IncidentRunbook['kind']
  recorded_at: string
  recorded_by: string
}

export type ScorecardEvidenceRepo = ReturnType<typeof createScorecardEvidenceRepo>

const toCheck = (row: CheckRow): BundleCheck => ({
  promptId: row.prompt_id,
  manifestSha256: row.manifest_sha256,
  command: row.command,
  outcome: row.outcome,
  checkedAt: row.checked_at,
  source: row.source,
  ciRunUrl: row.ci_run_url,
  recordedAt: row.recorded_at,
})

/** What the scorecard checks that no other table holds: CLI checks of exported folders, the runbook. */
export function createScorecardEvidenceRepo(db: Db) {
  const statements = {
    insertCheck: db.prepare(
      `INSERT INTO bundle_checks
         (prompt_id, manifest_sha256, command, outcome, checked_at, source, ci_run_url, recorded_at)
       VALUES (@promptId, @manifestSha256, @command, @outcome, @checkedAt, @source, @ciRunUrl, @recordedAt)
       ON CONFLICT (manifest_sha256, command, checked_at, source) DO NOTHING`,
    ),
    checksOf: db.prepare<[string], CheckRow>(
      `SELECT prompt_id, manifest_sha256, command, outcome, checked_at, source, ci_run_url, recorded_at
         FROM bundle_checks WHERE prompt_id = ? ORDER BY checked_at DESC, id DESC`,
    ),
    exportOfManifest: db.prepare<[string], { prompt_id: string }>(
      `SELECT prompt_id FROM bundle_exports WHERE manifest_sha256 = ? ORDER BY exported_at DESC, id DESC LIMIT 1`,
    ),
    insertRunbook: db.prepare(
      `INSERT INTO incident_runbooks (location, kind, recorded_at, recorded_by)
       VALUES (@location, @kind, @recordedAt, @recordedBy)`,
    ),
    runbook: db.prepare<[], RunbookRow>(
      `SELECT location, kind, recorded_at, recorded_by FROM incident_runbooks ORDER BY id DESC LIMIT 1`,
    ),
  }
  return {
    /** False when the same check (folder, command, time, source) was recorded before. */
    insertCheck: (check: BundleCheck): boolean => statements.insertCheck.run(check).changes > 0,
    /** The prompt's recorded checks, newest first. */
    checksOf: (promptId: string): BundleCheck[] => statements.checksOf.all(promptId).map(toCheck),
    /** The prompt whose export wrote a folder with this manifest; null when no export of this workspace did. */
    promptOfManifest: (manifestSha256: string): string | null =>
      statements.exportOfManifest.get(manifestSha256)?.prompt_id ?? null,
    insertRunbook: (runbook: IncidentRunbook): void => {
      statements.insertRunbook.run(runbook)
    },
    /** The runbook as last recorded; null until someone records one. */
    runbook: (): IncidentRunbook | null => {
      const row = statements.runbook.get()
      return row
        ? { location: row.location, kind: row.kind, recordedAt: row.recorded_at, recordedBy: row.recorded_by }
        : null
    },
  }
}
