/**
 * Levenshtein edit distance over UTF-16 code units (insert, delete, substitute, each cost 1).
 * promptfoo's `levenshtein` assertion uses `distance` from fastest-levenshtein
 * (promptfoo/promptfoo src/assertions/levenshtein.ts), which also compares code units, so an emoji
 * outside the BMP counts as two characters in both.
 */
export function levenshteinDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * Similarity in 0..1: 1 − distance / length of the longer string (1 when both are empty).
 * Not a promptfoo metric (promptfoo only thresholds the raw distance); this is Eval Lab's built-in check.
 */
export function levenshteinRatio(a: string, b: string): number {
  const longer = Math.max(a.length, b.length)
  return longer === 0 ? 1 : 1 - levenshteinDistance(a, b) / longer
}
