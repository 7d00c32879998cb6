/**
 * Model output shown as text: pretty-printed when the whole answer is JSON (optionally in a ``` fence),
 * otherwise exactly as it came. Never interpreted as markup.
 */
export function displayText(text: string): { text: string; json: boolean } {
  const trimmed = text.trim()
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(trimmed)
  const body = fenced?.[1]?.trim() ?? trimmed
  if (!/^[[{]/.test(body)) return { text, json: false }
  try {
    return { text: JSON.stringify(JSON.parse(body), null, 2), json: true }
  } catch {
    return { text, json: false }
  }
}
