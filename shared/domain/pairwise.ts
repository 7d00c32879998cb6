import { z } from 'zod'
import { compareSideSchema, compareSliceSchema } from './compare'
import { idSchema, isoTimeSchema } from './ids'
import { modelRefSchema } from './prompts'

/**
 * The pairwise LLM judge (issue 20): two slices (A and B) answer the same cases; a judge model reads each
 * case's two outputs on one rubric criterion, twice (A shown first, then B shown first). A case is won only
 * when both orders agree; a disagreement is a tie, so the judge's position bias cancels out.
 */
export const pairwiseStartSchema = z.object({
  a: compareSliceSchema,
  b: compareSliceSchema,
  rubricId: idSchema,
  criterionKey: z.string().min(1).max(60),
  judge: modelRefSchema,
})
export type PairwiseStart = z.infer<typeof pairwiseStartSchema>

/** Which slice a judgment (or a case) favours; `tie` when neither. */
export const pairwiseVerdictSchema = z.enum(['a', 'b', 'tie'])
export type PairwiseVerdict = z.infer<typeof pairwiseVerdictSchema>

/** Which slice the judge saw first. */
export const pairwiseOrderSchema = z.enum(['ab', 'ba'])
export type PairwiseOrder = z.infer<typeof pairwiseOrderSchema>

export const pairwiseStatusSchema = z.enum(['running', 'completed', 'cancelled', 'failed'])
export type PairwiseStatus = z.infer<typeof pairwiseStatusSchema>

/** Counted over the cases judged in both orders; from B's side (B is the candidate compared with A). */
export const pairwiseSummarySchema = z.object({
  /** Shared cases with an output on both sides: each is judged twice. */
  cases: z.number().int().nonnegative(),
  /** Cases whose two judgments are both stored. */
  judged: z.number().int().nonnegative(),
  bWins: z.number().int().nonnegative(),
  aWins: z.number().int().nonnegative(),
  ties: z.number().int().nonnegative(),
  /** Ties because the two orders disagreed (the judge followed the position, not the outputs). */
  inconsistent: z.number().int().nonnegative(),
  /** Cases with a failed judgment (the call or its answer): re-running judges them again. */
  failed: z.number().int().nonnegative(),
  /** Shared cases left out because one side has no output (its call failed). */
  noOutput: z.number().int().nonnegative(),
  /** B's win rate, ties counting half: (bWins + ties / 2) / judged; null before any case is judged. */
  bWinRate: z.number().min(0).max(1).nullable(),
  /** Wilson 95 % interval of that rate. */
  interval: z.object({ low: z.number(), high: z.number() }).nullable(),
  /** What the judge calls cost where a price is known. */
  judgeCostUsd: z.number().nonnegative(),
  /** Answered judge calls whose cost is unknown (no price for the judge model): the cost is a lower bound. */
  unpricedCalls: z.number().int().nonnegative(),
  judgeCalls: z.number().int().nonnegative(),
})
export type PairwiseSummary = z.infer<typeof pairwiseSummarySchema>

export const pairwiseComparisonSchema = z.object({
  id: idSchema,
  a: compareSliceSchema,
  b: compareSliceSchema,
  /** "Ticket triage v4 · demo/triage-sim-2026-03 (run March)". */
  aLabel: z.string(),
  bLabel: z.string(),
  rubricId: idSchema,
  rubricName: z.string(),
  criterionKey: z.string(),
  criterionName: z.string(),
  judge: modelRefSchema,
  status: pairwiseStatusSchema,
  /** Why the job stopped, when it failed (the judge model cannot be set up, …). */
  error: z.string().nullable(),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  summary: pairwiseSummarySchema,
})
export type PairwiseComparison = z.infer<typeof pairwiseComparisonSchema>

/** One of a case's two judgments. */
export const pairwiseJudgmentSchema = z.object({
  order: pairwiseOrderSchema,
  /** Mapped back to the slices; null when the call or its answer failed. */
  verdict: pairwiseVerdictSchema.nullable(),
  reason: z.string(),
  error: z.string().nullable(),
  costUsd: z.number().nullable(),
})
export type PairwiseJudgment = z.infer<typeof pairwiseJudgmentSchema>

/** A case judged (or being judged): both outputs and both judgments. */
export const pairwiseCaseSchema = z.object({
  caseId: idSchema,
  caseKey: z.string().nullable(),
  a: compareSideSchema,
  b: compareSideSchema,
  /** Both orders agree → that slice; disagree or both tie → tie; null until both judgments succeeded. */
  outcome: pairwiseVerdictSchema.nullable(),
  /** The two orders gave different verdicts. */
  inconsistent: z.boolean(),
  judgments: z.array(pairwiseJudgmentSchema),
})
export type PairwiseCase = z.infer<typeof pairwiseCaseSchema>

export const pairwiseCaseFilterSchema = z.enum(['all', 'a', 'b', 'tie', 'inconsistent', 'failed'])
export type PairwiseCaseFilter = z.infer<typeof pairwiseCaseFilterSchema>
