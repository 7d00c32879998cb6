import { z } from 'zod'
import { ownRecord } from '../lib/own-record'

/*
 * What each column of an imported file becomes. This crosses the renderer → core boundary (the mapping step of
 * the import UI), so it is a zod schema; it only needs zod and can move to shared/ as is.
 */

const nameSchema = z.string().trim().min(1, 'a name is required').max(200)

export const expectedTypeSchema = z.enum(['string', 'number', 'boolean', 'json'])
export type ExpectedType = z.infer<typeof expectedTypeSchema>

export const columnRoleSchema = z.discriminatedUnion('role', [
  /**
   * The case's stable id within the dataset; a prompt reads it as `{{case.key}}`. With `alsoVar`, the key is
   * also stored as that variable, for a prompt that names it (e.g. `{{id}}`) because the team's own
   * application fills it under that name.
   */
  z.object({ role: z.literal('key'), alsoVar: nameSchema.optional() }),
  /** One input variable. */
  z.object({ role: z.literal('var'), name: nameSchema }),
  /** An object of input variables (JSON sources: our JSONL `vars`). */
  z.object({ role: z.literal('varsObject') }),
  /** One expected field, converted to `type` (text when absent). */
  z.object({ role: z.literal('expected'), name: nameSchema, type: expectedTypeSchema.optional() }),
  /** An object of expected fields (JSON sources: our JSONL `expected`). */
  z.object({ role: z.literal('expectedObject') }),
  /** The exact expected output. */
  z.object({ role: z.literal('expectedOutput') }),
  /**
   * Several tags in one cell, split on `separator` (`|` when absent); with `json`, a cell holding a JSON list of
   * tags. A list value (JSON sources) is taken as is.
   */
  z.object({
    role: z.literal('tags'),
    separator: z.string().min(1).max(8).optional(),
    json: z.boolean().optional(),
  }),
  /** One tag per row: `prefix:value` (just the value when the prefix is empty), e.g. `segment:enterprise`. */
  z.object({ role: z.literal('tag'), prefix: z.string().trim().max(100) }),
  /**
   * The case's conversation: a list of `{role, content}` turns (a JSON list, or a cell holding its JSON text),
   * placed at the prompt version's conversation placeholder.
   */
  z.object({ role: z.literal('conversation') }),
  /** Canned tool results for the tool loop: an object of tool name → result text (or list of texts). */
  z.object({ role: z.literal('toolResults') }),
  /** Free-text notes. */
  z.object({ role: z.literal('notes') }),
  z.object({ role: z.literal('ignore') }),
])
export type ColumnRole = z.infer<typeof columnRoleSchema>

/** Column name → role. A column the mapping does not name is ignored. */
export const columnMappingSchema = ownRecord(z.string(), columnRoleSchema)
export type ColumnMapping = z.infer<typeof columnMappingSchema>
