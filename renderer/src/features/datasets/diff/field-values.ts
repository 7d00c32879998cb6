import type { SnapshotDiff } from '../../../../../shared/domain/datasets'
import { turnsText } from '../../../stores/datasets/case-fields'

export type CaseChange = SnapshotDiff['edited'][number]
export type CaseVersion = NonNullable<CaseChange['before']>

function show(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The text of one changed part (`vars.subject`, `expected.priority`, `tags`, `notes`, ...) of a case version. */
export function fieldValue(version: CaseVersion | null, field: string): string {
  if (!version) return ''
  const dot = field.indexOf('.')
  const head = dot < 0 ? field : field.slice(0, dot)
  const rest = dot < 0 ? null : field.slice(dot + 1)
  switch (head) {
    case 'vars':
      return rest === null ? show(version.vars) : show(version.vars[rest])
    case 'expected':
      return rest === null ? show(version.expected) : show(version.expected[rest])
    case 'tags':
      return version.tags.join(', ')
    case 'key':
      return version.key
    case 'expectedOutput':
      return version.expectedOutput ?? ''
    case 'notes':
      return version.notes
    case 'conversation':
      return turnsText(version.conversation ?? [])
    case 'toolResults':
      return version.toolResults ? JSON.stringify(version.toolResults, null, 2) : ''
    default:
      return ''
  }
}

/** A field name as a PM reads it: `vars.subject` → `subject`, `expected.priority` → `expected priority`. */
export function fieldLabel(field: string): string {
  if (field.startsWith('vars.')) return field.slice(5)
  if (field.startsWith('expected.')) return `expected ${field.slice(9)}`
  const labels: Record<string, string> = {
    expectedOutput: 'expected output',
    tags: 'tags',
    notes: 'notes',
    key: 'key',
    conversation: 'conversation',
    toolResults: 'canned tool results',
  }
  return labels[field] ?? field
}

export interface Parts {
  prefix: string
  before: string
  after: string
  suffix: string
}

/**
 * Before and after split around their common start and end (widened to whole words), so the changed
 * middle can be highlighted. Not a diff algorithm: one changed stretch per field, what a cell edit usually is.
 */
export function changedParts(before: string, after: string): Parts {
  if (before === after) return { prefix: before, before: '', after: '', suffix: '' }
  let start = 0
  const shorter = Math.min(before.length, after.length)
  while (start < shorter && before[start] === after[start]) start += 1
  let end = 0
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) {
    end += 1
  }
  // Whole words read better: widen the changed stretch to the nearest spaces on both sides.
  while (start > 0 && !/\s/.test(before.charAt(start - 1))) start -= 1
  while (end > 0 && !/\s/.test(before.charAt(before.length - end))) end -= 1
  return {
    prefix: before.slice(0, start),
    before: before.slice(start, before.length - end),
    after: after.slice(start, after.length - end),
    suffix: before.slice(before.length - end),
  }
}

/** Tags only in `after` (added) and only in `before` (removed). */
export function tagChanges(before: readonly string[], after: readonly string[]) {
  return {
    added: after.filter((t) => !before.includes(t)),
    removed: before.filter((t) => !after.includes(t)),
  }
}

/** A one-line picture of a case for the added and removed lists: its variables (and turns), compact. */
export function caseSummary(version: CaseVersion | null): string {
  if (!version) return ''
  const turns = version.conversation ?? []
  const text = [
    ...Object.entries(version.vars).map(([name, value]) => `${name}: ${value.replace(/\s+/g, ' ')}`),
    ...(turns.length > 0 ? [`${turns.length} turns: ${turnsText(turns).replace(/\s+/g, ' ')}`] : []),
  ].join(' · ')
  return text.length > 160 ? `${text.slice(0, 159)}…` : text
}
