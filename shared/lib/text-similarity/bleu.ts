import { wordTokens } from './rouge'

/**
 * Sentence-level BLEU exactly as promptfoo's `bleu` assertion computes it (promptfoo/promptfoo
 * src/assertions/bleu.ts, `calculateBleuScore`; n-grams from src/assertions/ngrams.ts):
 * - tokens: `text.toLowerCase().trim().split(/\s+/)` — case-insensitive, punctuation stays on words;
 * - modified (clipped) n-gram precision for n = 1..4, taking the best clipped count over references;
 * - smoothing: a precision of exactly 0 is replaced by 1e-7 before the log (an epsilon floor, not
 *   Chen & Cherry's add-one), so a short answer with no 4-gram match scores near 0 instead of NaN;
 * - "brevity penalty" against the reference whose length r is closest to the candidate's length c (the
 *   first such reference on a tie): 1 when c > r, otherwise exp(1 − c/r). NOTE: promptfoo inverts the
 *   ratio of Papineni et al. (exp(1 − r/c)), so a candidate shorter than its reference is multiplied by
 *   a factor above 1 and the score can exceed 1 (e.g. 4 matching words against 5 gives e^0.2 ≈ 1.22).
 *   Kept on purpose: imported `bleu` assertions must pass and fail exactly as in promptfoo. Eval Lab's
 *   own BLEU check is `sentenceBleu` below, with the standard penalty;
 * - uniform weights 0.25 by default. Throws on an empty candidate, as promptfoo does.
 */
export function promptfooBleu(
  candidate: string,
  references: readonly string[],
  weights: readonly number[] = [0.25, 0.25, 0.25, 0.25],
): number {
  if (!candidate || references.length === 0 || weights.length !== 4) throw new Error('Invalid inputs')
  if (Math.abs(weights.reduce((a, b) => a + b, 0) - 1) > 1e-4) throw new Error('Weights must sum to 1')
  const candidateWords = bleuTokens(candidate)
  const referenceWords = references.map(bleuTokens)
  const precisions = [1, 2, 3, 4].map((n) => clippedPrecision(candidateWords, referenceWords, n))
  const closest = referenceWords
    .map((words) => words.length)
    .reduce((prev, curr) =>
      Math.abs(curr - candidateWords.length) < Math.abs(prev - candidateWords.length) ? curr : prev,
    )
  const logSum = precisions.reduce((acc, p, i) => acc + weights[i]! * Math.log(p === 0 ? 1e-7 : p), 0)
  return promptfooBrevityPenalty(candidateWords.length, closest) * Math.exp(logSum)
}

function bleuTokens(text: string): string[] {
  return text.toLowerCase().trim().split(/\s+/)
}

function promptfooBrevityPenalty(candidateLength: number, referenceLength: number): number {
  return candidateLength > referenceLength ? 1 : Math.exp(1 - candidateLength / referenceLength)
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

function clippedPrecision(candidate: readonly string[], references: readonly string[][], n: number): number {
  const { matches, total } = clippedMatches(candidate, references, n)
  return total > 0 ? matches / total : 0
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
  const r = referenceWords
    .map((words) => words.length)
    .reduce((best, len) =>
      Math.abs(len - c) < Math.abs(best - c) || (Math.abs(len - c) === Math.abs(best - c) && len < best)
        ? len
        : best,
    )
  const penalty = c > r ? 1 : Math.exp(1 - r / c)
  return penalty * Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length)
}
