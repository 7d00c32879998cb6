import { z } from 'zod'
import {
  alertThresholdSchema,
  type ProductionFormat,
  type ProductionImport,
  type ProductionSettings,
} from '../../../../../shared/domain/production'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

/** An import as stored: `scored` is derived by the caller from the suite version it was scored with. */
export type StoredProductionImport = Omit<ProductionImport, 'scored'> & { scoredSuiteVersion: number | null }

interface SettingsRow {
  prompt_id: string
  sample_rate: number
  seed: number
  thresholds: string
}

interface ImportRow {
  id: string
  prompt_id: string
  file_name: string
  format: ProductionFormat
  imported_at: string
  imported_by: string
  total: number
  sampled: number
  sample_rate: number
  period_start: string | null
  period_end: string | null
  run_id: string
  dataset_id: string
  scored_suite_version: number | null
}

const importColumns = `id, prompt_id, file_name, format, imported_at, imported_by, total, sampled, sample_rate,
  period_start, period_end, run_id, dataset_id, scored_suite_version`
const thresholdsSchema = z.array(alertThresholdSchema)

export type ProductionRepo = ReturnType<typeof createProductionRepo>

/** Per-prompt sampling settings and the log imports (their calls live in datasets and runs). */
export function createProductionRepo(db: Db) {
  const statements = prepare(db)
  return {
    /** Null when the prompt has no stored settings (the caller applies the defaults). */
    settings: (promptId: string): ProductionSettings | null => {
      const row = statements.settings.get(promptId)
      return row ? toSettings(row) : null
    },
    saveSettings: (s: ProductionSettings, at: { updatedAt: string; updatedBy: string }): void => {
      statements.upsertSettings.run({ ...s, thresholds: JSON.stringify(s.thresholds), ...at })
    },
    insertImport: (i: StoredProductionImport): void => {
      statements.insertImport.run(i)
    },
    getImport: (id: string): StoredProductionImport | null => {
      const row = statements.getImport.get(id)
      return row ? toImport(row) : null
    },
    /** Oldest first, as a timeline reads them. */
    importsForPrompt: (promptId: string): StoredProductionImport[] =>
      statements.importsForPrompt.all(promptId).map(toImport),
    /** Every import of the workspace, oldest first (the maturity scorecard counts them). */
    allImports: (): StoredProductionImport[] => statements.allImports.all().map(toImport),
    setScoredSuiteVersion: (id: string, version: number | null): void => {
      statements.setScored.run(version, id)
    },
  }
}

function prepare(db: Db) {
  return {
    settings: db.prepare<[string], SettingsRow>(
      'SELECT prompt_id, sample_rate, seed, thresholds FROM production_settings WHERE prompt_id = ?',
    ),
    upsertSettings: db.prepare(
      `INSERT INTO production_settings (prompt_id, sample_rate, seed, thresholds, updated_at, updated_by)
       VALUES (@promptId, @sampleRate, @seed, @thresholds, @updatedAt, @updatedBy)
       ON CONFLICT (prompt_id) DO UPDATE SET sample_rate = excluded.sample_rate, seed = excluded.seed,
         thresholds = excluded.thresholds, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
    insertImport: db.prepare(
      `INSERT INTO production_imports (${importColumns})
       VALUES (@id, @promptId, @fileName, @format, @importedAt, @importedBy, @total, @sampled, @sampleRate,
         @periodStart, @periodEnd, @runId, @datasetId, @scoredSuiteVersion)`,
    ),
    getImport: db.prepare<[string], ImportRow>(
      `SELECT ${importColumns} FROM production_imports WHERE id = ?`,
    ),
    importsForPrompt: db.prepare<[string], ImportRow>(
      `SELECT ${importColumns} FROM production_imports WHERE prompt_id = ? ORDER BY imported_at, rowid`,
    ),
    allImports: db.prepare<[], ImportRow>(
      `SELECT ${importColumns} FROM production_imports ORDER BY imported_at, rowid`,
    ),
    setScored: db.prepare('UPDATE production_imports SET scored_suite_version = ? WHERE id = ?'),
  }
}

function toSettings(row: SettingsRow): ProductionSettings {
  return {
    promptId: row.prompt_id,
    sampleRate: row.sample_rate,
    seed: row.seed,
    thresholds: parseJsonColumn(thresholdsSchema, row.thresholds, `production settings of ${row.prompt_id}`),
  }
}

function toImport(row: ImportRow): StoredProductionImport {
  return {
    id: row.id,
    promptId: row.prompt_id,
    fileName: row.file_name,
    format: row.format,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    total: row.total,
    sampled: row.sampled,
    sampleRate: row.sample_rate,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    runId: row.run_id,
    datasetId: row.dataset_id,
    scoredSuiteVersion: row.scored_suite_version,
  }
}
