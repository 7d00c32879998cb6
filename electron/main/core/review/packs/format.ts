import { z } from 'zod'
import { AppError } from '../../../../../shared/contract'
import { idSchema, isoTimeSchema } from '../../../../../shared/domain/ids'
import { queueModeSchema } from '../../../../../shared/domain/review'
import { rubricDraftSchema } from '../../../../../shared/domain/scoring'
import { itemContentSchema, itemResultSchema, queueDefinitionSchema } from '../content'

export const packFormat = 'evallab.review-pack'
export const scoresFormat = 'evallab.review-scores'

/**
 * A review pack: everything a reviewer on another machine needs to score a queue, and nothing more.
 * Blind queues travel without results (which model and version produced each output).
 */
export const reviewPackSchema = z.object({
  format: z.literal(packFormat),
  version: z.literal(1),
  exportedAt: isoTimeSchema,
  exportedBy: z.string(),
  queue: z.object({
    id: idSchema,
    name: z.string().trim().min(1).max(200),
    runId: idSchema,
    mode: queueModeSchema,
    blind: z.boolean(),
    reviewersPerItem: z.number().int().min(1).max(10),
    criterionKeys: z.array(z.string()).min(1).max(30),
    /** The draft's source (and pair, when not blind), kept for the record. */
    definition: queueDefinitionSchema,
    createdAt: isoTimeSchema,
    createdBy: z.string(),
  }),
  rubric: rubricDraftSchema.extend({ version: z.number().int().positive() }),
  reviewers: z.array(z.object({ name: z.string().trim().min(1).max(100) })).min(1),
  items: z.array(
    z.object({
      id: idSchema,
      caseId: idSchema,
      position: z.number().int(),
      /** Null in a blind pack: the results name the model and prompt version. */
      results: z.array(itemResultSchema).nullable(),
      content: itemContentSchema,
    }),
  ),
  assignments: z.array(
    z.object({
      id: idSchema,
      itemId: idSchema,
      reviewerName: z.string(),
      position: z.number().int().positive(),
      swapped: z.boolean(),
    }),
  ),
})
export type ReviewPack = z.output<typeof reviewPackSchema>

const assignmentStatusSchema = z.enum(['pending', 'done', 'skipped'])

/** The scores one workspace entered on a queue, sent back to the queue's owner. */
export const reviewScoresSchema = z.object({
  format: z.literal(scoresFormat),
  version: z.literal(1),
  exportedAt: isoTimeSchema,
  exportedBy: z.string(),
  queueId: idSchema,
  assignments: z.array(
    z.object({
      id: idSchema,
      status: assignmentStatusSchema,
      skipReason: z.string().nullable(),
      /** In the queue's terms ('a' = the pair's first slice), whatever sides the reviewer saw. */
      preference: z.enum(['a', 'b', 'equal']).nullable(),
      updatedAt: isoTimeSchema,
      scores: z.array(
        z.object({
          criterionKey: z.string(),
          raw: z.number().finite(),
          comment: z.string().max(10_000),
          updatedAt: isoTimeSchema,
        }),
      ),
    }),
  ),
})
export type ReviewScores = z.output<typeof reviewScoresSchema>

/** Parses a file against its schema; a refusal names the file kind and the first bad field. */
export function parseReviewFile<T extends z.ZodType>(schema: T, kind: string, content: string): z.output<T> {
  let value: unknown
  try {
    value = JSON.parse(content)
  } catch {
    throw new AppError('INVALID_INPUT', `The ${kind} is not valid JSON`)
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : null
  const what = field ? `field "${field}"` : 'content'
  throw new AppError(
    'INVALID_INPUT',
    `The ${kind} has an invalid ${what}: ${issue?.message ?? 'unexpected shape'}`,
    { field, issues: parsed.error.issues },
  )
}
