import { z } from 'zod'
import { cannedToolResultsSchema, conversationSchema } from './conversation'
import { columnMappingSchema } from './dataset-mapping'

/** A problem in an imported file, located as precisely as the parser can. */
export const fileIssueSchema = z.object({
  file: z.string(),
  row: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  column: z.string().optional(),
  /** The 1-based conversation turn the problem is in. */
  turn: z.number().int().positive().optional(),
  message: z.string(),
})
export type FileIssueInfo = z.infer<typeof fileIssueSchema>

export const importedCaseSchema = z.object({
  key: z.string(),
  vars: z.record(z.string(), z.string()),
  expected: z.record(z.string(), z.unknown()),
  expectedOutput: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  conversation: conversationSchema.optional(),
  toolResults: cannedToolResultsSchema.optional(),
})

const previewRowSchema = z.object({
  row: z.number().int(),
  line: z.number().int(),
  values: z.record(z.string(), z.unknown()).nullable(),
  case: importedCaseSchema.nullable(),
})

/**
 * A promptfoo file's assertions: cases carrying them, how many need a judge model (llm-rubric), and each type
 * Eval Lab does not run, by name and count (kept in the case, reported as not scored).
 */
export const promptfooAssertionSummarySchema = z.object({
  cases: z.number().int().nonnegative(),
  assertions: z.number().int().nonnegative(),
  modelGraded: z.number().int().nonnegative(),
  notRun: z.array(z.object({ type: z.string(), count: z.number().int().positive() })),
})
export type PromptfooAssertionSummaryInfo = z.infer<typeof promptfooAssertionSummarySchema>

/** The mapping step of the import UI: columns, the suggested mapping, the first rows and every failing row. */
export const importPreviewSchema = z.object({
  file: z.string(),
  format: z.enum(['csv', 'jsonl', 'promptfoo']),
  layout: z.enum(['evallab', 'promptfoo', 'generic']),
  needsMapping: z.boolean(),
  columns: z.array(z.string()),
  suggestedMapping: columnMappingSchema,
  mapping: columnMappingSchema,
  mappingIssues: z.array(fileIssueSchema),
  firstRows: z.array(previewRowSchema),
  failingRows: z.array(previewRowSchema.extend({ issues: z.array(fileIssueSchema) })),
  counts: z.object({
    rows: z.number().int(),
    valid: z.number().int(),
    failing: z.number().int(),
    excluded: z.number().int(),
  }),
  /** promptfoo files with assertions only. */
  promptfooAssertions: promptfooAssertionSummarySchema.optional(),
})
export type ImportPreviewInfo = z.infer<typeof importPreviewSchema>

/** File contents cross the boundary as base64 so encodings (UTF-16, Latin-1) reach the decoder untouched. */
export const importFileSchema = z.object({
  fileName: z.string().min(1).max(260),
  contentBase64: z.string().max(70_000_000, 'Files over 50 MB are not accepted'),
  /** promptfoo `file://` references: refused (default), or kept as text when the user picks it. Never read. */
  fileReferences: z.enum(['refuse', 'asText']).optional(),
})

/** What an import did to the working copy; the rows the user excluded are listed, not silently dropped. */
export const importSummarySchema = z.object({
  fileName: z.string(),
  added: z.number().int().nonnegative(),
  /** Replace mode: cases whose key was in the file and whose content changed (they keep their id). */
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Replace mode: cases whose key was not in the file. */
  removed: z.number().int().nonnegative(),
  excludedRows: z.array(z.number().int().positive()),
  /** promptfoo files with assertions only: what the imported cases' assertions will do. */
  promptfooAssertions: promptfooAssertionSummarySchema.optional(),
})
export type ImportSummary = z.infer<typeof importSummarySchema>
