import { z } from 'zod'

/**
 * `z.record(key, value)` that keeps a `__proto__` key as ordinary data. zod 4 drops that key from records (to
 * avoid the prototype setter), which would silently lose a column or a variable a user's file names
 * `__proto__`. Keys are escaped around zod's record and restored as own properties afterwards, so the
 * values are still checked by zod and nothing reaches any prototype.
 */
export function ownRecord<K extends z.ZodType<string, string>, V extends z.ZodType>(
  key: K,
  value: V,
): z.ZodType<Record<string, z.output<V>>, Record<string, z.input<V>>> {
  return z
    .unknown()
    .transform(escapeKeys)
    .pipe(z.record(key, value))
    .transform(restoreKeys) as unknown as z.ZodType<Record<string, z.output<V>>, Record<string, z.input<V>>>
}

/** `__proto__` → `\0__proto__`; a key already starting with `\0` gets one more, so the mapping is one to one. */
const ESCAPE = '\u0000'

function escapeKeys(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  return Object.fromEntries(
    Object.entries(input).map(([k, v]) => [k === '__proto__' || k.startsWith(ESCAPE) ? ESCAPE + k : k, v]),
  )
}

function restoreKeys<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const [k, v] of Object.entries(record)) {
    const key = k.startsWith(ESCAPE) ? k.slice(1) : k
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true })
  }
  return out
}
