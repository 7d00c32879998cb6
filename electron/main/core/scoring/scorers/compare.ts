import { canonicalJson } from '../../../../../shared/lib/canonical-json'

const isScalar = (v: unknown): v is string | number | boolean | null =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v)

/**
 * Scalars compare by their trimmed text, so an expected `true` or `3` typed into a CSV as "true" or "3"
 * still matches the model's JSON boolean or number; objects and arrays compare structurally.
 */
export function sameValue(actual: unknown, expected: unknown, ignoreCase: boolean): boolean {
  if (isScalar(actual) && isScalar(expected)) {
    const norm = (v: unknown): string => {
      const text = String(v).trim()
      return ignoreCase ? text.toLowerCase() : text
    }
    return norm(actual) === norm(expected)
  }
  return canonicalJson(actual) === canonicalJson(expected)
}
