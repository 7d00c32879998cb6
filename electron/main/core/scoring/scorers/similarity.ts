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
  levenshtein: { label: 'Levenshtein ratio', score: codePointRatio },
  rouge_l: { label: 'ROUGE-L F1', score: (a, b) => rougeL(a, b).f },
  bleu: { label: 'BLEU', score: (a, b) => sentenceBleu(a, [b]) },
}

/**
 * Levenshtein ratio over Unicode code points, as Python's Levenshtein/RapidFuzz count, not UTF-16 units:
 * "👍" against "👎" is one substitution in one character (0), not one in two (0.5). The shared distance
 * compares UTF-16 units (promptfoo's imported assertions need exactly that), so each distinct code point of
 * the two texts is relabelled to one BMP unit first; equal labels ⇔ equal code points, so the distance is
 * the code-point distance.
 */
function codePointRatio(a: string, b: string): number {
  const labels = new Map<string, string>()
  const relabel = (text: string): string | null => {
    let out = ''
    for (const point of text) {
      let label = labels.get(point)
      if (label === undefined) {
        // Below the surrogate range; no real pair of texts has 55,296 distinct characters.
        if (labels.size >= 0xd800) return null
        label = String.fromCharCode(labels.size)
        labels.set(point, label)
      }
      out += label
    }
    return out
  }
  const x = relabel(a)
  const y = relabel(b)
  return x === null || y === null ? levenshteinRatio(a, b) : levenshteinRatio(x, y)
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
