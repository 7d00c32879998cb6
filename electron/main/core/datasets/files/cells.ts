import { exactNumber, parseExactJson } from '../../imports/exact-json'
import { DEFAULT_LIMITS } from '../../imports/limits'
import { oneLine } from './json-errors'
import type { ExpectedType } from './mapping-schema'
import { describeType, isPlainObject, scalarText } from './values'

/**
 * How a cell becomes part of a case. In a generic file an empty cell is "blank": an empty var, no expected
 * field, no expected output. In Eval Lab's and promptfoo's layouts only a missing value (an absent JSON key, an
 * unquoted empty CSV cell) is "no value", and an empty string is kept as the empty string. In every CSV file a
 * quoted empty cell `""` is the empty string the writer put there (R and csv-stringify write them so).
 */
export interface CellMode {
  strict: boolean
  /** A CSV: '' can only come from a quoted empty cell (an unquoted one is null), so it is a value. */
  quotedEmpty: boolean
  /** CSV: every cell is text, so a JSON-typed cell holds JSON text to parse. In JSON sources it is the value. */
  textCells: boolean
}

export type Converted<T> = { value: T } | { error: string }

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/** True when the cell gives no value at all (see CellMode). */
export function isAbsent(value: unknown, mode: CellMode): boolean {
  if (value === undefined || value === null) return true
  return !mode.strict && !mode.quotedEmpty && value === ''
}

/** A var's text: strings as they are, numbers and booleans as JSON text; an empty generic cell is ''. */
export function toVarText(name: string, value: unknown): Converted<string> {
  const text = scalarText(value)
  if (text !== undefined) return { value: text }
  return { error: `wrong type: var "${name}" is ${describeType(value)}; expected text` }
}

export function toText(what: string, value: unknown): Converted<string> {
  const text = scalarText(value)
  return text === undefined ? { error: `${what} is ${describeType(value)}; expected text` } : { value: text }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const BOOLEANS = new Map<string, boolean>([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
])

/** An expected field's value as its declared type. */
export function toExpected(
  name: string,
  value: unknown,
  type: ExpectedType = 'string',
  textCells = true,
): Converted<unknown> {
  const field = `expected "${name}"`
  switch (type) {
    case 'string':
      return toText(field, value)
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return { value }
      if (typeof value === 'string' && NUMBER.test(value.trim())) return toExactNumber(field, value.trim())
      return { error: `${field} must be a number; got ${shown(value)}` }
    case 'boolean': {
      if (typeof value === 'boolean') return { value }
      const known = typeof value === 'string' ? BOOLEANS.get(value.trim().toLowerCase()) : undefined
      if (known !== undefined) return { value: known }
      return { error: `${field} must be true or false; got ${shown(value)}` }
    }
    case 'json':
      return textCells ? toJson(field, value) : { value }
  }
}

/** Text of a number → the number, or a refusal when a double cannot hold it as written (never rounded). */
function toExactNumber(field: string, text: string): Converted<unknown> {
  const literal = text
    .replace(/^\+/, '')
    .replace(/^(-?)\./, '$10.')
    .replace(/\.(?=[eE]|$)/, '')
  const value = exactNumber(literal)
  if (typeof value === 'number') return { value }
  return {
    error:
      `${field} is ${shown(text)}, a number a double cannot hold exactly (it would become ` +
      `${String(Number(text))}); map the column as text to keep it as written`,
  }
}

function toJson(field: string, value: unknown): Converted<unknown> {
  if (typeof value !== 'string') return { value }
  const parsed = parseExactJson(value, DEFAULT_LIMITS.maxDepth)
  if (parsed.ok) return { value: parsed.value }
  const { error } = parsed
  if (error.kind === 'syntax') return { error: `${field} is not valid JSON: ${oneLine(error.message)}` }
  return { error: `${field}: ${error.message}` }
}

/** Tags from a cell: a list, a JSON list (with `json`), or text split on the separator. */
export function toTags(value: unknown, separator: string, json: boolean): Converted<string[]> {
  let list: unknown = value
  if (typeof value === 'string' && json) {
    const parsed = toJson('tags', value)
    if ('error' in parsed) return parsed
    list = parsed.value
  }
  if (typeof list === 'string') return { value: list.split(separator) }
  if (!Array.isArray(list)) return { error: `tags are ${describeType(list)}; expected text or a list` }
  const texts = list.map((item) => (typeof item === 'string' ? item : undefined))
  if (texts.includes(undefined)) return { error: 'tags must be a list of text' }
  return { value: texts.filter((t) => t !== undefined) }
}

/** Trimmed, without empty ones, each once, in first-seen order. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))]
}

export function isObjectValue(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value)
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : describeType(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
