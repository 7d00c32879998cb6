import { treebankTokenize } from './treebank-tokenize'

/**
 * ROUGE-N as promptfoo's `rouge-n` assertion scores it: js-rouge's `n(candidate, reference, {})`
 * (promptfoo/promptfoo src/assertions/rouge.ts → promptfoo/js-rouge src/rouge.ts `n`, defaults
 * n = 1 and caseSensitive = true).
 * Unigrams of the Treebank tokens, case-sensitive; the score is the number of DISTINCT candidate
 * unigrams also found in the reference, divided by the reference's unigram count (duplicates included).
 * It is a recall-like figure in 0..1, not an F-measure. js-rouge throws on an empty candidate or
 * reference; so does this (promptfoo then reports an assertion error, which the caller must surface
 * rather than score).
 */
export function promptfooRougeN(candidate: string, reference: string, n = 1): number {
  if (candidate.length === 0) throw new RangeError('Candidate cannot be an empty string')
  if (reference.length === 0) throw new RangeError('Reference cannot be an empty string')
  const candidateGrams = joinedNGrams(treebankTokenize(candidate), n)
  const referenceGrams = joinedNGrams(treebankTokenize(reference), n)
  const referenceSet = new Set(referenceGrams)
  const matches = [...new Set(candidateGrams)].filter((gram) => referenceSet.has(gram)).length
  return matches / referenceGrams.length
}

/** js-rouge refuses to build n-grams whose total text would exceed this many characters (~1 MB). */
const maxNGramWork = 1_000_000

function joinedNGrams(tokens: readonly string[], n: number): string[] {
  if (n < 1) throw new RangeError('ngram size cannot be smaller than 1')
  if (tokens.length < n) {
    throw new RangeError('ngram size cannot be larger than the number of tokens available')
  }
  const gramCount = tokens.length - n + 1
  let work = n * gramCount
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
