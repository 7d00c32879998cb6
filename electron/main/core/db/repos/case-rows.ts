import { z } from 'zod'
import { ownRecord } from '../../../../../shared/lib/own-record'
import { cannedToolResultsSchema, conversationSchema } from '../../../../../shared/domain/conversation'
import type { CaseFields, DatasetCase } from '../../../../../shared/domain/datasets'
import { parseJsonColumn } from './json'

/** The case columns shared by working cases (dataset_cases) and snapshot revisions (case_revisions). */
export interface CaseRow {
  id: string
  case_key: string
  vars: string
  expected: string
  expected_output: string | null
  tags: string
  notes: string
  /** JSON turns, or NULL for a single-turn case (migration 0015). Optional for reads that do not select it. */
  conversation?: string | null
  /** JSON canned tool results, or NULL when the case supplies none. */
  tool_results?: string | null
}

/** The case columns every full case read selects, over a row aliased `alias`. */
export const caseColumns = (alias: string): string =>
  ['case_key', 'vars', 'expected', 'expected_output', 'tags', 'notes', 'conversation', 'tool_results']
    .map((c) => `${alias}.${c}`)
    .join(', ')

/** The same fields as bound parameters, JSON columns encoded. */
export interface CaseParams {
  key: string
  vars: string
  expected: string
  expectedOutput: string | null
  tags: string
  notes: string
  conversation: string | null
  toolResults: string | null
}

export interface CaseFilter {
  /** Whitespace-separated terms; a case matches when it contains every one (case-insensitive). */
  search?: string | undefined
  /** A case matches when it carries every one of these tags. */
  tags?: readonly string[] | undefined
}

export function caseParams(fields: CaseFields): CaseParams {
  return {
    key: fields.key,
    vars: JSON.stringify(fields.vars),
    expected: JSON.stringify(fields.expected),
    expectedOutput: fields.expectedOutput,
    tags: JSON.stringify(fields.tags),
    notes: fields.notes,
    conversation: fields.conversation === undefined ? null : JSON.stringify(fields.conversation),
    toolResults: fields.toolResults === undefined ? null : JSON.stringify(fields.toolResults),
  }
}

const storedRecord = ownRecord(z.string(), z.unknown())
const storedTags = z.array(z.string())

export function toCase(row: CaseRow): DatasetCase {
  const where = `dataset case ${row.id}`
  return {
    id: row.id,
    key: row.case_key,
    vars: stringValues(parseJsonColumn(storedRecord, row.vars, where)),
    expected: parseJsonColumn(storedRecord, row.expected, where),
    expectedOutput: row.expected_output,
    tags: parseJsonColumn(storedTags, row.tags, where),
    notes: row.notes,
    // Absent, not undefined-valued: a single-turn case reads exactly as it did before conversations.
    ...(row.conversation == null
      ? {}
      : { conversation: parseJsonColumn(conversationSchema, row.conversation, where) }),
    ...(row.tool_results == null
      ? {}
      : { toolResults: parseJsonColumn(cannedToolResultsSchema, row.tool_results, where) }),
  }
}

/** Templates render strings; a number or object stored in a case is shown as its JSON text, not refused. */
function stringValues(vars: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  )
}

/**
 * The WHERE condition of a filtered case list, over a row aliased `alias` with the case columns; it takes the
 * named parameters @terms and @tags (JSON arrays, see filterParams). Search looks at the key, every variable
 * value, every expected value, every conversation turn, the expected output and the notes — not at variable names, which every case
 * shares. LIKE folds ASCII letters only; at 10,000 cases this scan takes a few milliseconds, so no index.
 */
export function filterSql(alias: string): string {
  const like = (expr: string) => `${expr} LIKE term.value ESCAPE '\\'`
  return `NOT EXISTS (
      SELECT 1 FROM json_each(@terms) term
       WHERE NOT (${like(`${alias}.case_key`)}
              OR ${like(`${alias}.notes`)}
              OR ${like(`coalesce(${alias}.expected_output, '')`)}
              OR EXISTS (SELECT 1 FROM json_each(${alias}.vars) v WHERE ${like('v.value')})
              OR EXISTS (SELECT 1 FROM json_each(${alias}.expected) e WHERE ${like('e.value')})
              OR EXISTS (SELECT 1 FROM json_each(coalesce(${alias}.conversation, '[]')) turn
                          WHERE ${like("json_extract(turn.value, '$.content')")})))
    AND NOT EXISTS (
      SELECT 1 FROM json_each(@tags) want
       WHERE NOT EXISTS (SELECT 1 FROM json_each(${alias}.tags) t WHERE t.value = want.value))`
}

export function filterParams(filter: CaseFilter = {}): { terms: string; tags: string } {
  const terms = (filter.search ?? '')
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((t) => `%${escapeLike(t)}%`)
  return { terms: JSON.stringify(terms), tags: JSON.stringify(filter.tags ?? []) }
}

/** `%`, `_` and the escape character itself are searched for literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
