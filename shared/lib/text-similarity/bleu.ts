/**
 * Sentence-level BLEU exactly as promptfoo's `bleu` assertion computes it (promptfoo/promptfoo
 * src/assertions/bleu.ts, `calculateBleuScore`; n-grams from src/assertions/ngrams.ts):
 * - tokens: `text.toLowerCase().trim().split(/\s+/)` — case-insensitive, punctuation stays on words;
 * - modified (clipped) n-gram precision for n = 1..4, taking the best clipped count over references;
 * - smoothing: a precision of exactly 0 is replaced by 1e-7 before the log (an epsilon floor, not
 *   Chen & Cherry's add-one), so a short answer with no 4-gram match scores near 0 instead of NaN;
 * - brevity penalty against the reference whose length is closest to the candidate's (the first such
 *   reference on a tie), 1 when the candidate is longer, exp(1 − r/c) otherwise;
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
  return brevityPenalty(candidateWords.length, closest) * Math.exp(logSum)
}

function bleuTokens(text: string): string[] {
  return text.toLowerCase().trim().split(/\s+/)
}

function brevityPenalty(candidateLength: number, referenceLength: number): number {
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
  const candidateGrams = nGrams(candidate, n)
  if (candidateGrams.length === 0) return 0
  const candidateCounts = counts(candidateGrams)
  let best = 0
  for (const reference of references) {
    const referenceCounts = counts(nGrams(reference, n))
    let clipped = 0
    for (const [gram, count] of candidateCounts) clipped += Math.min(count, referenceCounts.get(gram) ?? 0)
    best = Math.max(best, clipped)
  }
  return best / candidateGrams.length
}
