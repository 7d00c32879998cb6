/**
 * How an output reads on the review view: JSON pretty-printed (two-space indent), anything else as is.
 * The result is only ever rendered as a text node, never as HTML.
 */
export function outputText(text: string | null): string {
  if (text === null) return ''
  const trimmed = text.trim()
  if (!/^[[{]/.test(trimmed)) return text
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2)
  } catch {
    return text
  }
}

/** A case variable as text: strings as they are, anything else as pretty JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value
  // Case variables are JSON data; undefined (a missing field) shows as nothing.
  return value === undefined ? '' : JSON.stringify(value, null, 2)
}
