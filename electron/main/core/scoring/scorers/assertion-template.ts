/**
 * promptfoo renders a string assertion value (and each string of a list) with Nunjucks against the test's
 * vars before checking it (src/assertions/index.ts `runAssertion`; autoescape off). Eval Lab renders the
 * plain form only — `{{ name }}` for a var the case has — and leaves anything else (filters, tags, comments,
 * a var the case lacks) untouched, so the assertion is refused as unsupported rather than checked against
 * text promptfoo would not have used.
 */
const simpleTag = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

function renderString(text: string, vars: Readonly<Record<string, string>>): string {
  if (!text.includes('{{') || /\{%|\{#/.test(text)) return text
  // A tag with a filter or an expression stays: only promptfoo's Nunjucks can render it.
  if (text.replace(simpleTag, '').includes('{{')) return text
  for (const match of text.matchAll(simpleTag)) if (!Object.hasOwn(vars, match[1]!)) return text
  return text.replace(simpleTag, (_tag, name: string) => vars[name] ?? '')
}

/** The assertion with its value rendered, or as it was when the value holds more than plain var tags. */
export function renderAssertionValue(raw: unknown, vars: Readonly<Record<string, string>>): unknown {
  if (typeof raw !== 'object' || raw === null || !('value' in raw)) return raw
  const { value } = raw
  const render = (item: unknown): unknown => (typeof item === 'string' ? renderString(item, vars) : item)
  if (typeof value === 'string') return { ...raw, value: render(value) }
  if (Array.isArray(value)) return { ...raw, value: value.map(render) }
  return raw
}
