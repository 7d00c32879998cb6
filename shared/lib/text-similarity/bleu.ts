import { wordTokens } from './rouge'

/**
 * Sentence-level BLEU exactly as promptfoo's `bleu` assertion computes it — promptfoo 0.121.20
 * (src/assertions/bleu.ts `calculateBleuScore`, n-grams from src/assertions/ngrams.ts), checked against
 * promptfoo's own results in tests/fixtures/promptfoo-results:
 * - tokens: `text.toLowerCase().trim().split(/\s+/)` — case-insensitive, punctuation stays on words;
 * - modified (clipped) n-gram precision for n = 1..4, taking the best clipped count over references;
 *   an order the candidate is too short to have is left out and the other weights are renormalised;
 * - smoothing: a precision of exactly 0 is replaced by 1e-7 before the log (an epsilon floor);
 * - brevity penalty exp(1 − r/c) against the reference whose length r is closest to the candidate's
 *   length c (the shorter on a tie); 1 when c > r. (promptfoo releases before 0.120 inverted the ratio
 *   and smoothed missing orders: their scores differ for short candidates.)
 * - uniform weights 0.25 by default. An empty or whitespace-only candidate scores 0; no references,
 *   negative weights or weights not summing to 1 throw, as in promptfoo.
 */
export function promptfooBleu(
  candidate: string,
  references: readonly string[],
  weights: readonly number[] = [0.25, 0.25, 0.25, 0.25],
): number {
  if (references.length === 0 || weights.length !== 4) throw new Error('Invalid inputs')
  if (candidate.trim() === '') return 0
  if (weights.some((weight) => weight < 0)) throw new Error('Weights must be non-negative')
  if (Math.abs(weights.reduce((a, b) => a + b, 0) - 1) > 1e-4) throw new Error('Weights must sum to 1')
  const candidateWords = bleuTokens(candidate)
  const referenceWords = references.map(bleuTokens)
  const orders = [1, 2, 3, 4].flatMap((n) => {
    const { matches, total } = clippedMatches(candidateWords, referenceWords, n)
    return total === 0 ? [] : [{ precision: matches / total, weight: weights[n - 1]! }]
  })
  const weightSum = orders.reduce((acc, order) => acc + order.weight, 0)
  if (weightSum === 0) return 0
  const logSum = orders.reduce(
    (acc, { precision, weight }) => acc + (weight / weightSum) * Math.log(precision === 0 ? 1e-7 : precision),
    0,
  )
  const closest = closestLength(referenceWords, candidateWords.length)
  return brevityPenalty(candidateWords.length, closest) * Math.exp(logSum)
}

/** The reference length closest to the candidate's, the shorter on a tie (promptfoo and NLTK alike). */
function closestLength(references: readonly string[][], candidateLength: number): number {
  return references
    .map((words) => words.length)
    .reduce((best, length) => {
      const distance = Math.abs(length - candidateLength)
      const bestDistance = Math.abs(best - candidateLength)
      return distance < bestDistance || (distance === bestDistance && length < best) ? length : best
    })
}

function brevityPenalty(candidateLength: number, referenceLength: number): number {
  return candidateLength > referenceLength ? 1 : Math.exp(1 - referenceLength / candidateLength)
}

function bleuTokens(text: string): string[] {
  return text.toLowerCase().trim().split(/\s+/)
}

function nGrams(words: readonly string[], n: number): string[] {
  if (n <= 0 || n > words.length) return []
  const grams: string[] = []
  for (let i = 0; i <= words.length - n; i++) grams.push(words.slice(i, i + n).join(' '))
  return grams
}

function counts(grams: readonly string[]): Map<string, number> {
  const map = new Map<string, number>()
  for (const gram of grams) map.set(gram, (map.get(gram) ?? 0) + 1)
  return map
}

/** Clipped n-gram matches (best over references) and the candidate's n-gram count. */
function clippedMatches(
  candidate: readonly string[],
  references: readonly string[][],
  n: number,
): { matches: number; total: number } {
  const candidateGrams = nGrams(candidate, n)
  const candidateCounts = counts(candidateGrams)
  let best = 0
  for (const reference of references) {
    const referenceCounts = counts(nGrams(reference, n))
    let clipped = 0
    for (const [gram, count] of candidateCounts) clipped += Math.min(count, referenceCounts.get(gram) ?? 0)
    best = Math.max(best, clipped)
  }
  return { matches: best, total: candidateGrams.length }
}

/**
 * Standard sentence-level BLEU-4 (Papineni et al. 2002) for Eval Lab's own similarity check, in 0..1:
 * tokens from `wordTokens` (lower-cased letters and digits); clipped precision, best over references;
 * brevity penalty exp(1 − r/c) with r the closest reference length (the shorter on a tie, as NLTK);
 * smoothing: Chen & Cherry (2014) method 1 — an n-gram order with no match counts 0.1 matches instead
 * of 0 (NLTK's `SmoothingFunction().method1`, epsilon 0.1). An n-gram order the candidate is too short
 * to have is left out of the geometric mean, so a one-word exact answer scores 1. Empty text scores 0.
 */
export function sentenceBleu(candidate: string, references: readonly string[]): number {
  const candidateWords = wordTokens(candidate)
  const referenceWords = references.map(wordTokens).filter((words) => words.length > 0)
  if (candidateWords.length === 0 || referenceWords.length === 0) return 0
  const logs: number[] = []
  for (let n = 1; n <= 4; n++) {
    const { matches, total } = clippedMatches(candidateWords, referenceWords, n)
    if (total > 0) logs.push(Math.log((matches === 0 ? 0.1 : matches) / total))
  }
  const c = candidateWords.length
  const penalty = brevityPenalty(c, closestLength(referenceWords, c))
  return penalty * Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length)
}
