import type { Baseline } from '../../../../../shared/domain/scoring'
import type { Db } from '../connection'

interface BaselineRow {
  prompt_id: string
  dataset_snapshot_id: string
  run_id: string
  prompt_version_id: string
  provider: string
  model_id: string
  set_by: string
  set_at: string
  note: string
}

const columns =
  'prompt_id, dataset_snapshot_id, run_id, prompt_version_id, provider, model_id, set_by, set_at, note'

export type BaselinesRepo = ReturnType<typeof createBaselinesRepo>

/** One baseline per prompt × dataset snapshot; setting another replaces it (the audit log keeps the old one). */
export function createBaselinesRepo(db: Db) {
  const statements = {
    upsert: db.prepare(
      `INSERT INTO baselines (${columns})
       VALUES (@promptId, @datasetSnapshotId, @runId, @promptVersionId, @provider, @modelId, @setBy, @setAt, @note)
       ON CONFLICT (prompt_id, dataset_snapshot_id) DO UPDATE
         SET run_id = excluded.run_id, prompt_version_id = excluded.prompt_version_id,
             provider = excluded.provider, model_id = excluded.model_id,
             set_by = excluded.set_by, set_at = excluded.set_at, note = excluded.note`,
    ),
    get: db.prepare<[string, string], BaselineRow>(
      `SELECT ${columns} FROM baselines WHERE prompt_id = ? AND dataset_snapshot_id = ?`,
    ),
    forPrompt: db.prepare<[string], BaselineRow>(
      `SELECT ${columns} FROM baselines WHERE prompt_id = ? ORDER BY set_at DESC, rowid DESC`,
    ),
  }
  return {
    set: (b: Baseline): void => {
      statements.upsert.run({
        promptId: b.promptId,
        datasetSnapshotId: b.datasetSnapshotId,
        runId: b.runId,
        promptVersionId: b.slice.promptVersionId,
        provider: b.slice.provider,
        modelId: b.slice.modelId,
        setBy: b.setBy,
        setAt: b.setAt,
        note: b.note,
      })
    },
    get: (promptId: string, datasetSnapshotId: string): Baseline | null => {
      const row = statements.get.get(promptId, datasetSnapshotId)
      return row ? toBaseline(row) : null
    },
    /** Newest first. */
    forPrompt: (promptId: string): Baseline[] => statements.forPrompt.all(promptId).map(toBaseline),
  }
}

function toBaseline(row: BaselineRow): Baseline {
  return {
    promptId: row.prompt_id,
    datasetSnapshotId: row.dataset_snapshot_id,
    runId: row.run_id,
    slice: { promptVersionId: row.prompt_version_id, provider: row.provider, modelId: row.model_id },
    setBy: row.set_by,
    setAt: row.set_at,
    note: row.note,
  }
}
