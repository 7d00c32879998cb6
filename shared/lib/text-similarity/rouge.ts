import { treebankTokenize } from './treebank-tokenize'

/**
 * ROUGE-N as promptfoo's `rouge-n` assertion scores it — promptfoo 0.121.20 src/assertions/rouge.ts
 * `rougeNScore`, checked against promptfoo's own results in tests/fixtures/promptfoo-results:
 * n-grams of js-rouge's Treebank tokens (`treebankTokenize`), clipped overlap
 * Σ min(count in candidate, count in reference) (Lin 2004), and js-rouge's F-measure (β = 1) of
 * precision = overlap / candidate n-grams and recall = overlap / reference n-grams. Fewer than n tokens
 * on either side, or no overlap, score 0. The assertion lower-cases both texts before calling this
 * (see checkRougeN); this function itself is case-sensitive. promptfoo releases before 0.120 called
 * js-rouge's own `n`, which counted distinct candidate n-grams over the reference count (no F-measure)
 * and threw on empty text: their scores differ wherever a word repeats or the candidate has extra words.
 * Text whose n-grams would exceed js-rouge's materialisation limit throws a RangeError, as js-rouge does.
 */
export function promptfooRougeN(candidate: string, reference: string, n = 1): number {
  const candidateTokens = treebankTokenize(candidate)
  const referenceTokens = treebankTokenize(reference)
  if (candidateTokens.length < n || referenceTokens.length < n) return 0
  const candidateGrams = joinedNGrams(candidateTokens, n)
  const referenceGrams = joinedNGrams(referenceTokens, n)
  const referenceCounts = countStrings(referenceGrams)
  let overlap = 0
  for (const [gram, count] of countStrings(candidateGrams)) {
    overlap += Math.min(count, referenceCounts.get(gram) ?? 0)
  }
  if (overlap === 0) return 0
  return jsRougeF1(overlap / candidateGrams.length, overlap / referenceGrams.length)
}

function countStrings(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
  return counts
}

/**
 * js-rouge 3.2 `fMeasure(p, r, 1)`: the harmonic mean, computed by scaling the smaller score so that
 * round-off never lifts it above the larger one (the same float as js-rouge, not just a close one).
 */
function jsRougeF1(p: number, r: number): number {
  if (p === r) return p
  if (p === 0 || r === 0) return 0
  return p > r ? Math.min(p, r * (2 / (1 + r / p))) : Math.min(r, p * (2 / (1 + p / r)))
}

/** js-rouge refuses to build n-grams whose total text would exceed this many characters (~1 MB). */
const maxNGramWork = 1_000_000

/** js-rouge `nGram(tokens, n)` without padding, with its `validateNGramMaterialization` limit. */
function joinedNGrams(tokens: readonly string[], n: number): string[] {
  if (n < 1) throw new RangeError('ngram size must be a positive safe integer')
  const gramCount = tokens.length - n + 1
  let work = gramCount * (2 * n - 1)
  for (let i = 0; i < tokens.length && work <= maxNGramWork; i++) {
    work += Math.max(tokens[i]!.length - 1, 0) * Math.min(i + 1, n, gramCount, tokens.length - i)
  }
  if (work > maxNGramWork) throw new RangeError('N-gram generation exceeds the materialization limit')
  const grams: string[] = []
  for (let i = 0; i + n <= tokens.length; i++) grams.push(tokens.slice(i, i + n).join(' '))
  return grams
}

export type PrecisionRecallF = { precision: number; recall: number; f: number }

/**
 * Tokens for Eval Lab's own ROUGE/BLEU-style checks: lower-cased runs of letters and digits, the
 * convention of Google's rouge-score package (without stemming). Punctuation never counts as a match.
 */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

function fMeasure(overlap: number, candidateCount: number, referenceCount: number): PrecisionRecallF {
  const precision = candidateCount === 0 ? 0 : overlap / candidateCount
  const recall = referenceCount === 0 ? 0 : overlap / referenceCount
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f }
}

function countGrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ')
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

/**
 * Standard ROUGE-N (Lin 2004) with clipped n-gram counts and F1 (β = 1), on `wordTokens`.
 * Eval Lab's built-in similarity check; for imported promptfoo `rouge-n` use `promptfooRougeN`.
 */
export function rougeN(candidate: string, reference: string, n = 1): PrecisionRecallF {
  const candidateCounts = countGrams(wordTokens(candidate), n)
  const referenceCounts = countGrams(wordTokens(reference), n)
  let overlap = 0
  for (const [gram, count] of candidateCounts) overlap += Math.min(count, referenceCounts.get(gram) ?? 0)
  const total = (counts: Map<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0)
  return fMeasure(overlap, total(candidateCounts), total(referenceCounts))
}

/** Length of the longest common subsequence of two token lists (O(n·m) time, O(m) memory). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    const current = [0]
    for (let j = 1; j <= b.length; j++) {
      current.push(a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!))
    }
    previous = current
  }
  return previous[b.length]!
}

/** Sentence-level ROUGE-L (Lin 2004): LCS-based precision, recall and F1 (β = 1), on `wordTokens`. */
export function rougeL(candidate: string, reference: string): PrecisionRecallF {
  const candidateTokens = wordTokens(candidate)
  const referenceTokens = wordTokens(reference)
  return fMeasure(lcsLength(candidateTokens, referenceTokens), candidateTokens.length, referenceTokens.length)
}
