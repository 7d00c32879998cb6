import { z } from 'zod'
import { idSchema } from '../domain/ids'
import {
  breachSummarySchema,
  driftReportSchema,
  productionFormatSchema,
  productionImportSchema,
  productionMonitorSchema,
  productionPreviewSchema,
  productionSettingsSchema,
} from '../domain/production'
import type { MethodSpec } from './methods'

const logFile = {
  promptId: idSchema,
  fileName: z.string().trim().min(1).max(260),
  content: z.string().max(50_000_000, 'Production logs over 50 MB are not accepted; split the export'),
  format: z.union([z.literal('auto'), productionFormatSchema]).default('auto'),
  /** Used for calls whose log entry names no prompt version. */
  defaultVersion: z.number().int().positive().optional(),
}

/** Production samples (import, sample, score, alerts, drift). */
export const productionMethods = {
  'production.settings': {
    input: z.object({ promptId: idSchema }).strict(),
    output: productionSettingsSchema,
  },
  'production.saveSettings': {
    input: productionSettingsSchema,
    output: productionSettingsSchema,
    writes: ['production_settings', 'audit_log'],
  },
  /** Parses the log without storing anything: format, calls per version, period, a sample. */
  'production.preview': {
    input: z.object(logFile).strict(),
    output: productionPreviewSchema,
  },
  /**
   * Imports the log all-or-nothing: the calls the rate samples become cases of the prompt's production
   * dataset and results of a completed run (the logged outputs; no model is called).
   */
  'production.import': {
    input: z.object(logFile).strict(),
    output: productionImportSchema,
    writes: [
      'production_imports',
      'datasets',
      'dataset_cases',
      'dataset_snapshots',
      'runs',
      'run_results',
      'audit_log',
    ],
  },
  /** Scores an import's sampled calls with the prompt's suite (format, rules, judges; human via review queues). */
  'production.score': {
    input: z.object({ importId: idSchema }).strict(),
    output: productionImportSchema,
    writes: ['production_imports', 'run_scores', 'score_calls', 'audit_log'],
  },
  'production.monitor': {
    input: z.object({ promptId: idSchema }).strict(),
    output: productionMonitorSchema,
  },
  /** Every breached threshold of every prompt (on each prompt's latest scored import), for the header. */
  'production.breaches': {
    input: z.object({}).strict(),
    output: z.array(breachSummarySchema),
  },
  /** Production inputs of an import against the curated dataset (default: the prompt's baseline dataset). */
  'production.drift': {
    input: z.object({ importId: idSchema, datasetId: idSchema.optional() }).strict(),
    output: driftReportSchema,
  },
  /** Copies production cases into a curated dataset's working copy (tagged "source:production"). */
  'production.addToDataset': {
    input: z
      .object({
        importId: idSchema,
        caseIds: z.array(idSchema).min(1, 'Choose at least one case').max(5000),
        datasetId: idSchema,
      })
      .strict(),
    output: z.object({ added: z.number().int().nonnegative(), skipped: z.number().int().nonnegative() }),
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  },
} satisfies Record<string, MethodSpec>
