import {
  cannedToolResultsSchema,
  type CannedToolResults,
  type ConversationTurn,
} from '../../../../shared/domain/conversation'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import { parseTags, type CasePatch } from './case-fields'

/** The "Edit case" panel: every field of one case as text the PM can change. */
export interface CaseForm {
  caseId: string
  key: string
  vars: { name: string; value: string }[]
  /** The expected fields as a JSON object (they keep their types: numbers, lists...). */
  expectedJson: string
  expectedOutput: string
  tags: string
  notes: string
  /** The conversation's turns, in order; none for a single-turn case. */
  turns: ConversationTurn[]
  /** The canned tool results as a JSON object; empty when the case supplies none. */
  toolResultsJson: string
}

export type CaseFormErrors = Partial<Record<'key' | 'vars' | 'expectedJson' | 'toolResultsJson', string>>

export function formOf(row: DatasetCase): CaseForm {
  return {
    caseId: row.id,
    key: row.key,
    vars: Object.entries(row.vars).map(([name, value]) => ({ name, value })),
    expectedJson: Object.keys(row.expected).length > 0 ? JSON.stringify(row.expected, null, 2) : '{}',
    expectedOutput: row.expectedOutput ?? '',
    tags: row.tags.join(', '),
    notes: row.notes,
    turns: row.conversation ?? [],
    toolResultsJson: row.toolResults ? JSON.stringify(row.toolResults, null, 2) : '',
  }
}

/** The full patch the panel saves, or the fields that stop it (said in words the PM can act on). */
export function formPatch(form: CaseForm): { patch: CasePatch } | { errors: CaseFormErrors } {
  const errors: CaseFormErrors = {}
  if (!form.key.trim()) errors.key = 'A case needs a key: its stable id in this dataset.'
  const vars: Record<string, string> = {}
  for (const { name, value } of form.vars) {
    const trimmed = name.trim()
    if (!trimmed) errors.vars = 'Every variable needs a name.'
    else if (trimmed in vars) errors.vars = `The variable "${trimmed}" appears twice.`
    else vars[trimmed] = value
  }
  const expected = parseExpected(form.expectedJson)
  if (typeof expected === 'string') errors.expectedJson = expected
  const toolResults = parseToolResults(form.toolResultsJson)
  if (typeof toolResults === 'string') errors.toolResultsJson = toolResults
  if (Object.keys(errors).length > 0 || typeof expected === 'string' || typeof toolResults === 'string') {
    return { errors }
  }
  return {
    patch: {
      key: form.key.trim(),
      vars,
      expected,
      expectedOutput: form.expectedOutput === '' ? null : form.expectedOutput,
      tags: parseTags(form.tags),
      notes: form.notes,
      // null removes them: a case whose last turn was removed is a single-turn case again.
      conversation: form.turns.length > 0 ? form.turns : null,
      toolResults,
    },
  }
}

/** Canned tool results as the core stores them, null for none, or the reason the text is not that. */
export function parseToolResults(text: string): CannedToolResults | null | string {
  if (!text.trim()) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return `Tool results are not valid JSON: ${error instanceof Error ? error.message : String(error)}`
  }
  const parsed = cannedToolResultsSchema.safeParse(value)
  if (!parsed.success) {
    return 'Tool results must be a JSON object of tool name → result text or a list of texts, e.g. {"lookup_order": "shipped"}.'
  }
  return Object.keys(parsed.data).length > 0 ? parsed.data : null
}

/** A JSON object, or the reason it is not one. Empty text means no expected fields. */
export function parseExpected(text: string): Record<string, unknown> | string {
  if (!text.trim()) return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return `Expected fields are not valid JSON: ${error instanceof Error ? error.message : String(error)}`
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'Expected fields must be a JSON object, e.g. {"category": "billing"}.'
  }
  return value as Record<string, unknown>
}
