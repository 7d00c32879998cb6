/** Which cases are selected (by id, so a selection survives scrolling and page refetches). */
export interface Selection {
  ids: ReadonlySet<string>
  /** Row index the next Shift-click or Shift+arrow extends from. */
  anchor: number | null
}

export const emptySelection: Selection = { ids: new Set(), anchor: null }

export interface ClickModifiers {
  shift?: boolean
}

/** What a click on a row's checkbox does: toggle that row, or (Shift) select anchor..row. */
export type SelectIntent = { kind: 'toggle'; index: number } | { kind: 'range'; from: number; to: number }

export function clickIntent(selection: Selection, index: number, modifiers: ClickModifiers): SelectIntent {
  if (modifiers.shift && selection.anchor !== null && selection.anchor !== index) {
    return { kind: 'range', from: selection.anchor, to: index }
  }
  return { kind: 'toggle', index }
}

export function toggleId(selection: Selection, id: string, index: number): Selection {
  const ids = new Set(selection.ids)
  if (ids.has(id)) ids.delete(id)
  else ids.add(id)
  return { ids, anchor: index }
}

/** Adds a range to the selection; the anchor stays, so Shift-clicking again re-extends from it. */
export function addRange(selection: Selection, rangeIds: readonly string[], anchor: number): Selection {
  const ids = new Set(selection.ids)
  for (const id of rangeIds) ids.add(id)
  return { ids, anchor: selection.anchor ?? anchor }
}

export function replaceWith(ids: Iterable<string>, anchor: number | null = null): Selection {
  return { ids: new Set(ids), anchor }
}

export function withoutIds(selection: Selection, removed: Iterable<string>): Selection {
  const ids = new Set(selection.ids)
  for (const id of removed) ids.delete(id)
  return ids.size === selection.ids.size ? selection : { ids, anchor: selection.anchor }
}

/** The active row after a navigation key, kept inside 0..count-1; null for keys that do not move it. */
export function moveActive(active: number, count: number, key: string, pageRows: number): number | null {
  if (count === 0) return null
  const steps: Record<string, number> = {
    ArrowDown: 1,
    ArrowUp: -1,
    PageDown: pageRows,
    PageUp: -pageRows,
    Home: -Infinity,
    End: Infinity,
  }
  const step = steps[key]
  if (step === undefined) return null
  return Math.max(0, Math.min(count - 1, step === Infinity ? count - 1 : active + step))
}
