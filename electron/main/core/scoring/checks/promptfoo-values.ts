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
 * JSON objects embedded in text, for `contains-json`, found the way promptfoo 0.121.20 finds them
 * (src/util/json.ts `extractJsonObjects`): from each `{`, braces are counted (strings not skipped) up
 * to 100,000 characters; where they balance — or the text ends, missing `}` then being appended — the
 * slice is parsed once; an object found resumes the scan after it, a failed balanced slice abandons
 * that `{`. promptfoo parses the slice with js-yaml (after turning `//` comments into `#`), which
 * also reads YAML flow mappings such as `{a: 1}` or `{some words}`; this parses with JSON.parse, which
 * agrees on every slice that is JSON. A slice JSON.parse rejects could still be an object to promptfoo,
 * so the result is then `undecidable` and the caller must not guess.
 */
export type ScannedJson = { objects: object[]; undecidable: boolean }

export function scanJsonObjects(text: string, maxLength = 100_000): ScannedJson {
  const objects: object[] = []
  let undecidable = false
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '{') continue
    const limit = Math.min(i + maxLength, text.length)
    let open = 1
    let close = 0
    for (let j = i + 1; j < limit && open > close;) {
      if (text[j] === '{') open++
      if (text[j] === '}') close++
      j++
      if (open !== close && j !== text.length && j !== i + maxLength) continue
      const parsed = tryParseObject(text.slice(i, j) + '}'.repeat(Math.max(open - close, 0)))
      if (parsed) {
        objects.push(parsed)
        i = j - 1
        break
      }
      undecidable = true
      if (open === close) break
    }
  }
  return { objects, undecidable }
}

/** The objects `scanJsonObjects` finds for sure (e.g. to read a grader's JSON answer). */
export function extractJsonObjects(text: string, maxLength = 100_000): object[] {
  return scanJsonObjects(text, maxLength).objects
}

function tryParseObject(slice: string): object | undefined {
  try {
    const parsed: unknown = JSON.parse(slice)
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined
  } catch {
    return undefined
  }
}
