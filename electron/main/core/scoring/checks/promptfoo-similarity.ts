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
 * levenshtein: pass when the edit distance is at most `threshold` (default 5); score 1 or 0.
 * promptfoo/promptfoo src/assertions/levenshtein.ts. Its older releases wrote `threshold || 5`, which
 * read a threshold of 0 as 5; promptfoo's own test (test/assertions/levenshtein.test.ts, "should fail
 * when distance exceeds custom threshold") expects 0 to mean 0, which is what this does.
 */
export function checkLevenshtein({
  assertion,
  type,
  value,
  output,
}: AssertionInput): PromptfooAssertionResult {
  requireValue(typeof value === 'string', '"levenshtein" assertion type must have a string value')
  const threshold = assertion.threshold ?? 5
  const distance = levenshteinDistance(output, value)
  const pass = distance <= threshold
  return binary(type, pass, `Levenshtein distance ${distance} is greater than threshold ${threshold}`)
}

/** rouge-n: js-rouge unigram score ≥ threshold (default 0.75); `not-` scores 1 − score. src/assertions/rouge.ts */
export function checkRougeN({
  assertion,
  type,
  value,
  output,
  inverse,
}: AssertionInput): PromptfooAssertionResult {
  requireValue(typeof value === 'string', '"rouge" assertion type must be a string value')
  const score = promptfooRougeN(output, value)
  const threshold = assertion.threshold ?? 0.75
  const pass = score >= threshold !== inverse
  const reason = pass
    ? `ROUGE-N score ${score.toFixed(2)} is greater than or equal to threshold ${threshold}`
    : `ROUGE-N score ${score.toFixed(2)} is less than threshold ${threshold}`
  return scored(type, pass, inverse ? 1 - score : score, reason)
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
