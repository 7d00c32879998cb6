import { AppError } from '../../../../../shared/contract'
import { exactNumber, parseExactJson } from '../../imports/exact-json'
import { DEFAULT_LIMITS } from '../../imports/limits'
import type { LogRecord } from './records'

export type Json = Record<string, unknown>

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Reads one record's fields by dotted path ("response.body.usage.prompt_tokens"). Exports store nested
 * objects as JSON strings in CSV cells (Helicone's request_body, Langfuse's metadata), so a string met on
 * the way that holds JSON is parsed; a malformed one is an error naming the field.
 */
export class RecordFields {
  constructor(
    readonly fileName: string,
    readonly record: LogRecord,
  ) {}

  has(path: string): boolean {
    const value = this.get(path)
    return value !== undefined && value !== null && value !== ''
  }

  get(path: string): unknown {
    let current: unknown = this.record.fields
    const steps = path.split('.')
    for (const [i, step] of steps.entries()) {
      current = this.unwrap(current, steps.slice(0, i).join('.'))
      if (Array.isArray(current) && /^\d+$/.test(step)) current = current[Number(step)]
      else if (isObject(current)) current = current[step]
      else return undefined
    }
    return current
  }

  /** The first of the paths with a value. */
  first(...paths: string[]): { path: string; value: unknown } | null {
    for (const path of paths) {
      if (this.has(path)) return { path, value: this.get(path) }
    }
    return null
  }

  text(...paths: string[]): string | null {
    const found = this.first(...paths)
    if (!found) return null
    const { value } = found
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    return JSON.stringify(value)
  }

  number(...paths: string[]): number | null {
    const found = this.first(...paths)
    if (!found) return null
    if (isInexactNumber(found.value))
      this.fail(found.path, `${show(found.value)} is a number a double cannot hold exactly`)
    const n = typeof found.value === 'number' ? found.value : Number(found.value)
    if (!Number.isFinite(n) || n < 0)
      this.fail(found.path, `expected a non-negative number, got ${show(found.value)}`)
    return n
  }

  object(...paths: string[]): Json | null {
    const found = this.first(...paths)
    if (!found) return null
    const value = this.unwrap(found.value, found.path)
    if (!isObject(value)) this.fail(found.path, `expected an object, got ${show(found.value)}`)
    return value
  }

  /** Any value as it is, with JSON strings parsed (messages arrays, outputs). */
  parsed(...paths: string[]): { path: string; value: unknown } | null {
    const found = this.first(...paths)
    // A plain-text input may well start with "[" ("[urgent] cannot log in"): then it stays text.
    return found ? { path: found.path, value: this.unwrap(found.value, found.path, false) } : null
  }

  fail(field: string, message: string): never {
    throw new AppError('INVALID_INPUT', `${this.fileName}: ${this.record.where}: ${field}: ${message}`, {
      where: this.record.where,
      field,
    })
  }

  private unwrap(value: unknown, path: string, strict = true): unknown {
    if (typeof value !== 'string') return value
    const trimmed = value.trim()
    if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return value
    const parsed = parseExactJson(trimmed, DEFAULT_LIMITS.maxDepth)
    if (parsed.ok) return parsed.value
    if (!strict) return value
    return this.fail(path || 'record', `not valid JSON (${parsed.error.message})`)
  }
}

/** Text of a number that a double cannot hold as written (it would be rounded): refused, never rounded. */
function isInexactNumber(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const text = value.trim()
  return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) && typeof exactNumber(text) === 'string'
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** The text of a chat message's content: a string, or the text parts of a multi-part content array. */
export function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return null
  const parts = content.flatMap((part: unknown) => {
    if (typeof part === 'string') return [part]
    if (isObject(part) && typeof part.text === 'string') return [part.text]
    return []
  })
  return parts.length > 0 ? parts.join('\n') : null
}

/** The last user message of a messages array (what the user asked), else null. */
export function lastUserMessage(messages: unknown): string | null {
  if (!Array.isArray(messages)) return null
  for (let i = messages.length - 1; i >= 0; i--) {
    const m: unknown = messages[i]
    if (isObject(m) && m.role === 'user') return contentText(m.content)
  }
  return null
}

/** An error recorded in the log: a string, or an object with a message. */
export function errorText(value: unknown): string | null {
  if (value === null || value === undefined || value === '' || value === false) return null
  if (typeof value === 'string') return value
  if (isObject(value)) {
    if (typeof value.message === 'string') return value.message
    if (isObject(value.error)) return errorText(value.error)
  }
  return JSON.stringify(value)
}
