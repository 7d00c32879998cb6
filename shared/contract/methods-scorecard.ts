import { z } from 'zod'
import {
  bundleCheckSchema,
  ciStatusFileSchema,
  incidentRunbookSchema,
  runbookLocationSchema,
  workspaceScorecardSchema,
} from '../domain/scorecard'
import { idSchema } from '../domain/ids'
import type { MethodSpec } from './methods'

const recordedCheckSchema = z.object({
  promptId: idSchema,
  promptName: z.string(),
  /** False when the same check had been recorded before. */
  recorded: z.boolean(),
})

/** The LLMOps maturity scorecard: assessed from nearly every table (so `get` declares no reads). */
export const scorecardMethods = {
  'scorecard.get': {
    input: z.object({}).strict(),
    output: workspaceScorecardSchema,
  },
  /** Records where the team's incident runbook lives: an http(s) link or the full path of a file. */
  'scorecard.setRunbook': {
    input: z.object({ location: runbookLocationSchema }).strict(),
    output: incidentRunbookSchema,
    writes: ['incident_runbooks', 'audit_log'],
  },
  /** Records an evallab.ci-status file a CI workflow wrote (`evallab gate … --ci-status FILE`). */
  'scorecard.recordCiStatus': {
    input: z
      .object({ file: z.string().trim().min(1, 'Give the path of the CI status file').max(4096) })
      .strict(),
    output: recordedCheckSchema,
    writes: ['bundle_checks', 'audit_log'],
  },
  /** How the CLI records its own gate/verify of an exported folder in the workspace it came from. */
  'scorecard.recordCheck': {
    input: z.object({ status: ciStatusFileSchema, source: bundleCheckSchema.shape.source }).strict(),
    output: recordedCheckSchema,
    writes: ['bundle_checks', 'audit_log'],
  },
} satisfies Record<string, MethodSpec>
