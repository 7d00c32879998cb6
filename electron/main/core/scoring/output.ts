/** Reading a model's output as JSON and walking a dot path into it ("labels.0.name"). */

export type Lookup = { found: true; value: unknown } | { found: false; reason: string }

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** The value at `path` (dot separated; array items by index); undefined when any step is missing. */
export function valueAt(root: unknown, path: string): unknown {
  let current: unknown = root
  for (const step of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(step)) current = current[Number(step)]
    else if (current !== null && typeof current === 'object' && Object.hasOwn(current, step))
      current = (current as Record<string, unknown>)[step]
    else return undefined
  }
  return current
}

/** The part of the output a rule looks at: the whole text for an empty path, else a field of its JSON. */
export function outputValue(output: string, path: string): Lookup {
  if (path === '') return { found: true, value: output }
  const parsed = parseJson(output)
  if (!parsed.ok) return { found: false, reason: `The output is not JSON, so it has no "${path}"` }
  const value = valueAt(parsed.value, path)
  if (value === undefined) return { found: false, reason: `The output has no "${path}"` }
  return { found: true, value }
}

/** Text for messages and text matching: strings as they are, anything else as JSON. */
export const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value))

/** Short quoted rendering for reasons, so one long output does not flood a score's reason. */
export function quote(value: unknown, max = 80): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
