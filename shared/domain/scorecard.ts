import { z } from 'zod'
import { idSchema } from './ids'

export const maturityLevelSchema = z.number().int().min(0).max(3)
export const levelNames = ['Ad hoc', 'Repeatable', 'Measured', 'Optimized'] as const

export const criterionKeys = [
  'registry_history',
  'pinned_models',
  'dataset_size',
  'eval_suite',
  'gate_rules',
  'baseline_signed',
  'cost_tracking',
  'latency_slo',
  'ci_gate_exported',
  'canary_use',
  'production_sampling',
  'human_review',
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
  assessedAt: z.string(),
})
export type WorkspaceScorecard = z.infer<typeof workspaceScorecardSchema>
