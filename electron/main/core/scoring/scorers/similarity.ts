import { levenshteinRatio, rougeL, sentenceBleu } from '../../../../../shared/lib/text-similarity'
import { asText } from '../output'
import type { Rule } from './rules'
import { expectedFrom, fieldName, onOutput } from './rule-input'
import { unscored, type DeterministicScorer } from './types'

type SimilarityRule = Extract<Rule, { op: 'similarity' }>
type Measure = SimilarityRule['measure']

/**
 * The standard measures, each 0..1 (not promptfoo's variants, which only imported assertions use). Text is
 * NFC-normalised first so one accented letter typed two ways is not an edit.
 */
const measures: Record<Measure, { label: string; score: (output: string, expected: string) => number }> = {
  levenshtein: { label: 'Levenshtein ratio', score: (a, b) => levenshteinRatio(a, b) },
  rouge_l: { label: 'ROUGE-L F1', score: (a, b) => rougeL(a, b).f },
  bleu: { label: 'BLEU', score: (a, b) => sentenceBleu(a, [b]) },
}

/** Two measures computed along different float paths can land a hair under a `min` they equal on paper. */
const epsilon = 1e-12

/** Similarity to the expected text: value 1/0 at `min` (so the metric stays a pass rate), raw the measure. */
export function similarityRule(rule: SimilarityRule): DeterministicScorer {
  const measure = measures[rule.measure]
  return onOutput(rule.path, (actual, input) => {
    const expected = expectedFrom(input, rule.expectedField, rule.value)
    if (!expected.ok) return unscored(expected.reason)
    const reference = asText(expected.value).normalize('NFC')
    if (reference.trim() === '') return unscored('The expected text is only whitespace')
    const score = measure.score(asText(actual).normalize('NFC'), reference)
    const pass = score + epsilon >= rule.min
    const details = { measure: rule.measure, score, min: rule.min }
    const verdict = pass ? 'at least' : 'below'
    return {
      value: pass ? 1 : 0,
      raw: score,
      passed: pass,
      reason: `${measure.label} of ${fieldName(rule.path)} to the expected text is ${score.toFixed(3)}, ${verdict} the minimum ${rule.min}`,
      details,
    }
  })
}
