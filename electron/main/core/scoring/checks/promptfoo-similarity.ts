import {
  levenshteinDistance,
  promptfooBleu,
  promptfooRougeN,
} from '../../../../../shared/lib/text-similarity'
import {
  binary,
  requireValue,
  scored,
  type AssertionInput,
  type PromptfooAssertionResult,
} from './promptfoo-schema'

/**
 * levenshtein: pass when the edit distance is at most `threshold` (default 5), `not-` inverting it;
 * score 1 or 0. promptfoo 0.121.20 src/assertions/levenshtein.ts. (Older releases ignored `inverse`
 * and read a threshold of 0 as 5 — `threshold || 5`; 0 means 0 here, as in promptfoo's own results.)
 */
export function checkLevenshtein({
  assertion,
  type,
  value,
  output,
  inverse,
}: AssertionInput): PromptfooAssertionResult {
  requireValue(typeof value === 'string', '"levenshtein" assertion type must have a string value')
  const threshold = assertion.threshold ?? 5
  const distance = levenshteinDistance(output, value)
  const pass = distance <= threshold !== inverse
  const relation = inverse ? 'less than or equal to' : 'greater than'
  return binary(type, pass, `Levenshtein distance ${distance} is ${relation} threshold ${threshold}`)
}

/**
 * rouge-n: ROUGE-N F1 of the lower-cased texts ≥ threshold (default 0.75); `not-` inverts the verdict
 * and scores 1 − score. The reason compares the score with the threshold whatever the form, as
 * promptfoo 0.121.20 src/assertions/rouge.ts `handleRougeScore` words it.
 */
export function checkRougeN({
  assertion,
  type,
  value,
  output,
  inverse,
}: AssertionInput): PromptfooAssertionResult {
  requireValue(typeof value === 'string', '"rouge" assertion type must be a string value')
  const score = promptfooRougeN(output.toLowerCase(), value.toLowerCase())
  const threshold = assertion.threshold ?? 0.75
  const reached = score >= threshold
  const relation = reached ? 'greater than or equal to' : 'less than'
  const reason = `ROUGE-N score ${score.toFixed(2)} is ${relation} threshold ${threshold}`
  return scored(type, reached !== inverse, inverse ? 1 - score : score, reason)
}

/** bleu: promptfoo's BLEU-4 ≥ threshold (default 0.5) against one or more references. src/assertions/bleu.ts */
export function checkBleu({
  assertion,
  type,
  value,
  output,
  inverse,
}: AssertionInput): PromptfooAssertionResult {
  const isList = Array.isArray(value) && value.every((item) => typeof item === 'string')
  requireValue(
    typeof value === 'string' || isList,
    '"bleu" assertion type must have a string or array of strings value',
  )
  const references = Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [value]
  const score = promptfooBleu(output, references)
  const threshold = assertion.threshold ?? 0.5
  const pass = score >= threshold !== inverse
  const reason = pass
    ? 'Assertion passed'
    : `BLEU score ${score.toFixed(4)} is ${inverse ? 'greater' : 'less'} than threshold ${threshold}`
  return scored(type, pass, inverse ? 1 - score : score, reason)
}
