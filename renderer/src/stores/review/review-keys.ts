import type { RubricScale } from '../../../../shared/domain/scoring'

/** What a key press on the review view asks for; the view turns each into one store action. */
export type ReviewCommand =
  | { kind: 'set'; raw: number }
  | { kind: 'prefer'; preference: 'a' | 'b' | 'equal' }
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'item'; by: 1 | -1 }
  | { kind: 'comment' }
  | { kind: 'skip' }
  | { kind: 'undo' }
  | { kind: 'help' }

export interface KeyContext {
  mode: 'single' | 'pairwise'
  /** The scale of the focused criterion (single mode), or null when there is none. */
  scale: RubricScale | null
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>

const pairwiseKeys: Readonly<Record<string, 'a' | 'b' | 'equal'>> = {
  '1': 'a',
  a: 'a',
  '2': 'equal',
  '=': 'equal',
  '3': 'b',
  b: 'b',
}

const plainKeys: Readonly<Record<string, ReviewCommand>> = {
  Tab: { kind: 'move', by: 1 },
  ArrowDown: { kind: 'move', by: 1 },
  ArrowUp: { kind: 'move', by: -1 },
  j: { kind: 'item', by: 1 },
  ArrowRight: { kind: 'item', by: 1 },
  k: { kind: 'item', by: -1 },
  ArrowLeft: { kind: 'item', by: -1 },
  c: { kind: 'comment' },
  s: { kind: 'skip' },
  u: { kind: 'undo' },
  '?': { kind: 'help' },
}

/** The command for a key press, or null to let the browser have it (shortcuts with Alt, text typing). */
export function commandForKey(event: KeyPress, context: KeyContext): ReviewCommand | null {
  if (event.altKey) return null
  if (event.ctrlKey || event.metaKey) {
    return event.key.toLowerCase() === 'z' && !event.shiftKey ? { kind: 'undo' } : null
  }
  if (event.key === 'Tab' && event.shiftKey) return { kind: 'move', by: -1 }
  if (context.mode === 'pairwise') {
    const preference = pairwiseKeys[event.key]
    if (preference) return { kind: 'prefer', preference }
  } else {
    const raw = context.scale ? rawForKey(event.key, context.scale) : null
    if (raw !== null) return { kind: 'set', raw }
  }
  return plainKeys[event.key] ?? null
}

/**
 * The raw score a key gives on a scale: y/n for pass/fail (also 1/0), the digit itself on a likert scale
 * when it is in range, and the 1-based position of a label (a label's score is its 0-based index).
 */
export function rawForKey(key: string, scale: RubricScale): number | null {
  if (scale.type === 'pass_fail') {
    if (key === 'y' || key === '1') return 1
    if (key === 'n' || key === '0') return 0
    return null
  }
  if (!/^\d$/.test(key)) return null
  const digit = Number(key)
  if (scale.type === 'likert') return digit >= scale.min && digit <= scale.max ? digit : null
  return digit >= 1 && digit <= scale.labels.length ? digit - 1 : null
}

/** Every value of a scale with its label and the key that sets it, for hints and the adjudication select. */
export function scaleOptions(scale: RubricScale): { raw: number; label: string; key: string }[] {
  if (scale.type === 'pass_fail') {
    return [
      { raw: 1, label: 'Pass', key: 'y' },
      { raw: 0, label: 'Fail', key: 'n' },
    ]
  }
  if (scale.type === 'labels') {
    return scale.labels.map((label, i) => ({ raw: i, label, key: String(i + 1) }))
  }
  const options = []
  for (let raw = scale.min; raw <= scale.max; raw += 1) {
    const text = scale.labels[String(raw)]
    options.push({ raw, label: text ? `${raw} · ${text}` : String(raw), key: raw <= 9 ? String(raw) : '' })
  }
  return options
}

/** How a raw score reads to a person: "Pass", "3 · Good", "Helpful". */
export function rawLabel(scale: RubricScale, raw: number): string {
  return scaleOptions(scale).find((o) => o.raw === raw)?.label ?? String(raw)
}
