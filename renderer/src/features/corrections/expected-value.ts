import type { ExpectedChange } from '../../../../shared/domain/corrections'

/** An expected value as a person reads and types it: text as is, anything else (true, 3, lists) as JSON. */
export function expectedValueText(value: unknown): string {
  if (value === undefined) return '(none)'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export interface ExpectedDraft {
  field: string
  text: string
}

/** The first expected field and its current value: where a correction form starts. */
export function initialDraft(expected: Readonly<Record<string, unknown>>): ExpectedDraft {
  const [field = ''] = Object.keys(expected)
  return { field, text: field ? expectedValueText(expected[field]) : '' }
}

export type ParsedChange = { ok: true; change: ExpectedChange } | { ok: false; error: string }

/**
 * The typed value in the field's own type: a text field stays text (so "42" stays the string "42"); a
 * field holding a number, a yes/no, a list or an object takes JSON of that kind.
 */
export function parseExpectedChange(
  expected: Readonly<Record<string, unknown>>,
  draft: ExpectedDraft,
): ParsedChange {
  const field = draft.field.trim()
  if (!field) return { ok: false, error: 'Choose the expected field to correct.' }
  const current = expected[field]
  if (current === undefined || typeof current === 'string') {
    if (!draft.text.trim()) return { ok: false, error: `Enter the correct value of "${field}".` }
    return { ok: true, change: { field, value: draft.text.trim() } }
  }
  try {
    return { ok: true, change: { field, value: JSON.parse(draft.text) as ExpectedChange['value'] } }
  } catch {
    return {
      ok: false,
      error: `"${field}" holds ${expectedValueText(current)}: enter a value of that kind, written as JSON (e.g. true, 3 or ["a", "b"]).`,
    }
  }
}
