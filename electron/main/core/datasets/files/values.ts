/** Small helpers for values read from JSON, YAML or CSV. */
import { formatCount } from './table'

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** "an object", "a list", "a number"...: for messages about wrong types. */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'undefined') return 'missing'
  return `a ${typeof value}`
}

/** A JSON line's kind as JSON names it: "a JSON array", "a JSON string"... */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'JSON null'
  if (Array.isArray(value)) return 'a JSON array'
  return typeof value === 'object' ? 'a JSON object' : `a JSON ${typeof value}`
}

/** Text for a scalar that stands for text: numbers and booleans as JSON writes them, null as empty. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value)
  return value === null ? '' : undefined
}

/**
 * The first string longer than `max` characters in a top-level value or up to two levels below it, with the
 * top-level key it sits under.
 */
export function findOversized(
  values: Record<string, unknown>,
  max: number,
): { column: string; length: number } | null {
  for (const [column, value] of Object.entries(values)) {
    const length = longestString(value, 2)
    if (length > max) return { column, length }
  }
  return null
}

function longestString(value: unknown, depth: number): number {
  if (typeof value === 'string') return value.length
  if (depth < 0 || typeof value !== 'object' || value === null) return 0
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value)
  return children.reduce<number>((longest, child) => Math.max(longest, longestString(child, depth - 1)), 0)
}

/** `the value is 1,200,000 characters long; the limit is 1,000,000` */
export function tooLongMessage(what: string, length: number, max: number): string {
  return `${what} is ${formatCount(length)} characters long; the limit is ${formatCount(max)}`
}

/** Unique columns in the order they were first seen. */
export class ColumnSet {
  private readonly seen = new Set<string>()
  add(names: Iterable<string>): void {
    for (const name of names) this.seen.add(name)
  }
  list(): string[] {
    return [...this.seen]
  }
}
