import { z } from 'zod'
import { idSchema, isoTimeSchema } from './ids'

export const maturityLevelSchema = z.number().int().min(0).max(3)
/** The product's maturity model: 0 Ad hoc, 1 Managed, 2 Automated, 3 Optimized. */
export const levelNames = ['Ad hoc', 'Managed', 'Automated', 'Optimized'] as const

export const criterionKeys = [
  // Level 1 · Managed
  'registry_history',
  'pinned_models',
  'incident_runbook',
  // Level 2 · Automated
  'ci_gate',
  'canary_before_switch',
  'ab_prompt_variants',
  'cost_per_segment',
  // Level 3 · Optimized
  'production_alerts',
  'review_calibrated',
  'cost_optimisation',
] as const
export const criterionKeySchema = z.enum(criterionKeys)

export const maturityCriterionSchema = z.object({
  key: criterionKeySchema,
  label: z.string(),
  /** The level this criterion belongs to (1–3): a level is reached when all its criteria and those below are met. */
  level: z.number().int().min(1).max(3),
  met: z.boolean(),
  /** What the workspace holds that proves it (or shows it missing), e.g. "5 versions by 2 authors since 2026-03-02". */
  evidence: z.string(),
  /** What to do to meet it; empty when met. */
  nextStep: z.string(),
  /** Where in the app to act, e.g. "#/prompts/<id>?tab=suite". */
  link: z.string().nullable(),
})
export type MaturityCriterion = z.infer<typeof maturityCriterionSchema>

export const promptScorecardSchema = z.object({
  promptId: idSchema,
  name: z.string(),
  level: maturityLevelSchema,
  criteria: z.array(maturityCriterionSchema),
  /** The unmet criteria of the next level, in order. */
  nextSteps: z.array(z.string()),
})
export type PromptScorecard = z.infer<typeof promptScorecardSchema>

// ── Evidence the team records ────────────────────────────────────────────────────────────────────────
/** Where the team's incident runbook lives: a web link or a file path, as the team recorded it. */
export const runbookLocationSchema = z
  .string()
  .trim()
  .min(1, 'Give the link or file path of the incident runbook')
  .max(2000, 'A runbook location is at most 2,000 characters: give a link or a file path')

export const incidentRunbookSchema = z.object({
  location: z.string(),
  kind: z.enum(['link', 'file']),
  recordedAt: isoTimeSchema,
  recordedBy: z.string(),
})
export type IncidentRunbook = z.infer<typeof incidentRunbookSchema>

/** A check the CLI ran on an exported baseline folder: `gate` (a verdict) or `verify` (ok or failed). */
export const bundleCheckCommandSchema = z.enum(['gate', 'verify'])
export const bundleCheckOutcomeSchema = z.enum(['pass', 'fail', 'inconclusive', 'verified', 'invalid'])
export type BundleCheckOutcome = z.infer<typeof bundleCheckOutcomeSchema>

/**
 * The file `evallab gate|verify --ci-status FILE` writes in a CI checkout that has no workspace; the team
 * records it in the workspace the folder was exported from (Scorecard → Record a CI result).
 */
export const ciStatusFileSchema = z
  .object({
    format: z.literal('evallab.ci-status'),
    version: z.literal(1),
    command: bundleCheckCommandSchema,
    outcome: bundleCheckOutcomeSchema,
    promptName: z.string(),
    /** "sha256:<hex>" of the folder's manifest.json: which export exactly was checked. */
    manifestSha256: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/, 'manifestSha256 is "sha256:" and 64 hex digits'),
    checkedAt: isoTimeSchema,
    /** A link to the CI run (GitHub Actions, GitLab CI), when the environment tells it. */
    ciRunUrl: z.string().nullable(),
    /** The commit the checkout was at, when the environment tells it. */
    commitSha: z.string().nullable(),
  })
  .strict()
export type CiStatusFile = z.infer<typeof ciStatusFileSchema>

export const bundleCheckSchema = z.object({
  promptId: idSchema,
  manifestSha256: z.string(),
  command: bundleCheckCommandSchema,
  outcome: bundleCheckOutcomeSchema,
  checkedAt: isoTimeSchema,
  /** 'cli': the CLI recorded it in this workspace; 'ci-status': read from a CI status file. */
  source: z.enum(['cli', 'ci-status']),
  ciRunUrl: z.string().nullable(),
  recordedAt: isoTimeSchema,
})
export type BundleCheck = z.infer<typeof bundleCheckSchema>

export const workspaceScorecardSchema = z.object({
  /** The lowest level among the prompts that have a staging or prod version (all prompts if none has). */
  level: maturityLevelSchema,
  /** Per criterion: how many of the assessed prompts meet it. */
  criteria: z.array(
    z.object({
      key: criterionKeySchema,
      label: z.string(),
      level: z.number().int().min(1).max(3),
      met: z.number().int().nonnegative(),
      of: z.number().int().nonnegative(),
    }),
  ),
  prompts: z.array(promptScorecardSchema),
  nextSteps: z.array(z.string()),
  /** The team's incident runbook as last recorded; null until someone records it. */
  runbook: incidentRunbookSchema.nullable(),
  assessedAt: z.string(),
})
export type WorkspaceScorecard = z.infer<typeof workspaceScorecardSchema>
