import { AssertionValueError } from './promptfoo-schema'

/**
 * Splits a `contains-any`/`contains-all` string value the way promptfoo does
 * (promptfoo/promptfoo src/util/parseCommaSeparatedValues.ts): comma-separated, fields trimmed,
 * repeated commas skipped, double-quoted fields keep their commas and accept \" \\ and "" escapes;
 * an unterminated quote or text after a closing quote is an error.
 */
export function parseCommaSeparatedValues(value: string): string[] {
  const fields: string[] = []
  let i = skipSeparators(value, 0)
  while (i < value.length) {
    if (value[i] === '"') {
      const quoted = readQuoted(value, i)
      fields.push(quoted.field)
      i = skipSpaces(value, quoted.next)
      if (i < value.length && value[i] !== ',') {
        throw new AssertionValueError('Expected comma after quoted field in contains assertion value')
      }
    } else {
      const end = value.indexOf(',', i)
      const stop = end === -1 ? value.length : end
      fields.push(value.substring(i, stop).trim())
      i = stop
    }
    i = skipSeparators(value, i)
  }
  return fields
}

function skipSpaces(value: string, from: number): number {
  let i = from
  while (i < value.length && /\s/.test(value[i]!)) i++
  return i
}

function skipSeparators(value: string, from: number): number {
  let i = skipSpaces(value, from)
  while (i < value.length && value[i] === ',') i = skipSpaces(value, i + 1)
  return i
}

function readQuoted(value: string, start: number): { field: string; next: number } {
  let field = ''
  for (let i = start + 1; i < value.length; i++) {
    const char = value[i]!
    const following = value[i + 1]
    if (char === '\\' && (following === '"' || following === '\\')) {
      field += following
      i++
    } else if (char === '"' && following === '"') {
      field += '"'
      i++
    } else if (char === '"') {
      return { field, next: i + 1 }
    } else {
      field += char
    }
  }
  throw new AssertionValueError('Unterminated quoted field in contains assertion value')
}

/**
 * JSON objects embedded in text, for `contains-json`. promptfoo (src/util/json.ts,
 * `extractJsonObjects`) tries, from each `{`, the shortest slice that parses as an object and then
 * continues after it. It parses with js-yaml in JSON mode, so it also accepts YAML flow mappings such
 * as `{a: 1}` and `//` comments; this uses JSON.parse and so accepts strict JSON only — the caller
 * treats an output where the two could differ as unsupported (see `mayBeYamlOnlyObject`).
 * Only `{`-objects are found, never a bare array, as in promptfoo.
 */
export function extractJsonObjects(text: string, maxLength = 100_000): object[] {
  const found: object[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '{') continue
    const limit = Math.min(i + maxLength, text.length)
    for (let j = text.indexOf('}', i); j !== -1 && j < limit; j = text.indexOf('}', j + 1)) {
      const parsed = tryParseObject(text.slice(i, j + 1))
      if (parsed) {
        found.push(parsed)
        i = j
        break
      }
    }
  }
  return found
}

function tryParseObject(slice: string): object | undefined {
  try {
    const parsed: unknown = JSON.parse(slice)
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined
  } catch {
    return undefined
  }
}

/**
 * True when the text holds a brace pair with a colon that strict JSON did not accept: promptfoo's
 * js-yaml-based extraction might read it (`{a: 1}`, `{"a": 1 // note}`), so the result could differ.
 */
export function mayBeYamlOnlyObject(text: string): boolean {
  return /\{[^{}]*:[^{}]*\}/.test(text)
}
