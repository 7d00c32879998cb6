import { describe, expect, it } from 'vitest'
import {
  levenshteinDistance,
  levenshteinRatio,
  promptfooBleu,
  sentenceBleu,
} from '../../../../shared/lib/text-similarity'

describe('levenshteinDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['', '', 0],
    ['test', 'tast', 1],
    ['Résumé', 'resume', 3],
  ])('%j → %j is %i', (a, b, expected) => {
    expect(levenshteinDistance(a, b)).toBe(expected)
    expect(levenshteinDistance(b, a)).toBe(expected)
  })

  it('counts UTF-16 code units, as fastest-levenshtein (used by promptfoo) does', () => {
    expect(levenshteinDistance('😀', '')).toBe(2)
    expect(levenshteinDistance('a😀b', 'ab')).toBe(2)
  })
})

/** The textbook dynamic programme, cell by cell: the reference the bit-parallel algorithm must match. */
function referenceDistance(a: string, b: string): number {
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

/** A seeded generator, so a failure names a reproducible pair. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

describe('levenshteinDistance against the textbook dynamic programme', () => {
  const alphabets = ['ab', 'abcde', 'a😀é\u00e9 \n', 'abcdefghijklmnopqrstuvwxyz .,']
  it('agrees on random pairs across the 32-row block edges (0…140 code units, small and large alphabets)', () => {
    const random = seeded(20)
    const word = (alphabet: string, length: number): string =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
    for (let n = 0; n < 600; n++) {
      const alphabet = alphabets[n % alphabets.length]!
      const a = word(alphabet, Math.floor(random() * 141))
      // Half the pairs are edits of each other (small distances), half unrelated (large ones).
      const b = n % 2 === 0 ? word(alphabet, Math.floor(random() * 141)) : mutate(a, alphabet, random)
      expect({ a, b, distance: levenshteinDistance(a, b) }).toEqual({
        a,
        b,
        distance: referenceDistance(a, b),
      })
    }
  })

  it('agrees at exact block sizes (31, 32, 33, 64, 65 code units)', () => {
    for (const length of [31, 32, 33, 64, 65]) {
      const a = 'x'.repeat(length)
      expect(levenshteinDistance(a, '')).toBe(length)
      expect(levenshteinDistance(a, 'y'.repeat(length))).toBe(length)
      expect(levenshteinDistance(a, `${a.slice(1)}z`)).toBe(referenceDistance(a, `${a.slice(1)}z`))
      expect(levenshteinDistance(`q${a}`, a)).toBe(1)
    }
  })

  it('two 5,500-character texts (a long answer against its reference) give the exact distance', () => {
    const random = seeded(5500)
    const words = ['refund', 'invoice', 'the', 'customer', 'was', 'charged', 'twice', 'résumé', '😀', 'on']
    const text = Array.from({ length: 900 }, () => words[Math.floor(random() * words.length)]).join(' ')
    const a = text.slice(0, 5500)
    const b = mutate(a, 'abcdefgh ', random)
    expect(levenshteinDistance(a, b)).toBe(referenceDistance(a, b))
  })
})

/** A few random inserts, deletes and substitutions. */
function mutate(text: string, alphabet: string, random: () => number): string {
  let out = text
  for (let edits = Math.floor(random() * 12); edits > 0; edits--) {
    const at = Math.floor(random() * (out.length + 1))
    const char = alphabet[Math.floor(random() * alphabet.length)]!
    const kind = Math.floor(random() * 3)
    out =
      kind === 0
        ? out.slice(0, at) + char + out.slice(at)
        : out.slice(0, at) + (kind === 1 ? '' : char) + out.slice(at + 1)
  }
  return out
}

describe('levenshteinRatio', () => {
  it('is 1 − distance / longer length', () => {
    expect(levenshteinRatio('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 12)
    expect(levenshteinRatio('same', 'same')).toBe(1)
    expect(levenshteinRatio('', '')).toBe(1)
    expect(levenshteinRatio('abc', 'xyz')).toBe(0)
  })
})

// Cases follow promptfoo/promptfoo test/assertions/bleu.test.ts; exact values are worked out by hand
// from the formula in src/assertions/bleu.ts (lower-cased whitespace tokens, clipped precision,
// zero precision floored at 1e-7, brevity penalty against the closest reference; promptfoo 0.121.20).
describe('promptfooBleu', () => {
  const reference = 'The cat sat on the mat.'

  it('identical sentences score 1', () => {
    expect(promptfooBleu(reference, [reference])).toBe(1)
    expect(promptfooBleu('THE CAT sat on the mat.', [reference])).toBe(1)
  })

  it('one word changed: precisions 5/6, 3/5, 2/4, 1/3 and no brevity penalty', () => {
    const expected = Math.pow((5 / 6) * (3 / 5) * (2 / 4) * (1 / 3), 0.25)
    expect(promptfooBleu('The dog sat on the mat.', [reference])).toBeCloseTo(expected, 12)
    expect(expected).toBeCloseTo(0.537285, 6)
  })

  it('smooths a zero precision to 1e-7 rather than scoring 0', () => {
    // candidate: dogs run in the park. (5 tokens) — only "the" matches; reference has 6 tokens.
    // brevity penalty exp(1 − r/c) = exp(1 − 6/5).
    const expected = Math.exp(1 - 6 / 5) * Math.exp(0.25 * (Math.log(1 / 5) + 3 * Math.log(1e-7)))
    const score = promptfooBleu('Dogs run in the park.', [reference])
    expect(score).toBeCloseTo(expected, 15)
    expect(score).toBeGreaterThan(0)
    expect(score).toBeLessThan(0.001)
  })

  it('keeps punctuation on words: "mat" and "mat." do not match', () => {
    expect(promptfooBleu('the cat sat on the mat', ['the cat sat on the mat.'])).toBeLessThan(1)
  })

  it('takes the best clipped count over references and the closest reference length (shorter on a tie)', () => {
    // Candidate 4 tokens; references of 3 and 5 tokens are equally close: the 3-token one counts,
    // whatever the order, so there is no brevity penalty.
    expect(promptfooBleu('a b c d', ['a b c', 'a b c d e'])).toBe(1)
    expect(promptfooBleu('a b c d', ['a b c d e', 'a b c'])).toBe(1)
  })

  it('leaves out n-gram orders a short candidate cannot have and renormalises the weights', () => {
    // 2 tokens: only unigrams and bigrams count (weights 0.5 each); both match; penalty exp(1 − 5/2).
    expect(promptfooBleu('cat mat', ['the cat on the mat'])).toBeCloseTo(
      Math.exp(1 - 5 / 2) * Math.exp(0.5 * Math.log(1) + 0.5 * Math.log(1e-7)),
      15,
    )
    expect(promptfooBleu('cat', ['cat'])).toBe(1)
  })

  it('closest reference wins the brevity penalty (promptfoo test "closest reference length")', () => {
    expect(
      promptfooBleu('The cat sat on mat.', ['The cat sat on mat.', 'Cat mat.', 'A cat is sitting on a mat.']),
    ).toBe(1)
  })

  it('scores an empty candidate 0 and throws as promptfoo does on bad inputs', () => {
    expect(promptfooBleu('', [reference])).toBe(0)
    expect(promptfooBleu('   ', [reference])).toBe(0)
    expect(() => promptfooBleu('test', [])).toThrow('Invalid inputs')
    expect(() => promptfooBleu('test', [reference], [1.5, -0.5, 0, 0])).toThrow(
      'Weights must be non-negative',
    )
    expect(() => promptfooBleu('test', [reference], [0.5, 0.5, 0.5, 0.5])).toThrow('Weights must sum to 1')
    expect(() => promptfooBleu('test', [reference], [0.5, 0.5])).toThrow('Invalid inputs')
  })
})

describe('sentenceBleu (standard, Eval Lab’s own check)', () => {
  it('identical text scores 1, case and punctuation ignored', () => {
    expect(sentenceBleu('The cat sat on the mat.', ['the cat sat on the mat'])).toBe(1)
  })

  it('standard brevity penalty exp(1 − r/c) keeps a short candidate at or below 1', () => {
    expect(sentenceBleu('a b c d', ['a b c d e'])).toBeCloseTo(Math.exp(1 - 5 / 4), 12)
  })

  it('one word changed: precisions 5/6, 3/5, 2/4, 1/3', () => {
    const expected = Math.pow((5 / 6) * (3 / 5) * (2 / 4) * (1 / 3), 0.25)
    expect(sentenceBleu('the dog sat on the mat', ['the cat sat on the mat'])).toBeCloseTo(expected, 12)
  })

  it('method-1 smoothing: an order with no match counts 0.1 matches', () => {
    // 5 tokens vs 6: p1 = 1/5, p2..p4 = 0.1/4, 0.1/3, 0.1/2; penalty exp(1 − 6/5).
    const expected = Math.exp(1 - 6 / 5) * Math.pow((1 / 5) * (0.1 / 4) * (0.1 / 3) * (0.1 / 2), 0.25)
    expect(sentenceBleu('dogs run in the park', ['the cat sat on the mat'])).toBeCloseTo(expected, 12)
  })

  it('a one-word exact answer scores 1; empty text scores 0', () => {
    expect(sentenceBleu('Paris', ['paris'])).toBe(1)
    expect(sentenceBleu('', ['paris'])).toBe(0)
    expect(sentenceBleu('paris', [''])).toBe(0)
  })

  it('picks the shorter reference length on a tie', () => {
    expect(sentenceBleu('a b c d', ['a b c d e', 'a b c'])).toBe(1)
  })
})
