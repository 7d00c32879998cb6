import { describe, expect, it } from 'vitest'
import {
  lcsLength,
  promptfooRougeN,
  rougeL,
  rougeN,
  treebankTokenize,
} from '../../../../shared/lib/text-similarity'

// Expected tokens follow the rules of treeBankTokenize in promptfoo/js-rouge src/utils.ts, the
// tokenizer promptfoo's rouge-n assertion uses.
describe('treebankTokenize', () => {
  it.each([
    ['The cat sat on the mat.', ['The', 'cat', 'sat', 'on', 'the', 'mat', '.']],
    ['Hello, world!', ['Hello', ',', 'world', '!']],
    ["I can't go.", ['I', 'ca', "n't", 'go', '.']],
    ['I cannot go', ['I', 'can', 'not', 'go']],
    ['Dr. Smith arrived', ['Dr.', 'Smith', 'arrived']],
    ['cost $5 (approx)', ['cost', '$', '5', '(', 'approx', ')']],
    ['1,000 items: done', ['1,000', 'items', ':', 'done']],
    ['Made in the U.S.', ['Made', 'in', 'the', 'U.S.']],
    ['He said "hi" today', ['He', 'said', '``', 'hi', "''", 'today']],
    ['  spaced \n\t out  ', ['spaced', 'out']],
    ['', []],
    ['   ', []],
  ])('%j', (input, tokens) => {
    expect(treebankTokenize(input)).toEqual(tokens)
  })
})

describe('promptfooRougeN (promptfoo 0.121.20 rougeNScore: clipped unigram F1 of js-rouge tokens)', () => {
  it('is the F1 of clipped unigram precision and recall', () => {
    // tokens: The cat sat on the mat . (7) vs The cat sat on a mat . (7): 6 in common → 6/7 both ways
    expect(promptfooRougeN('The cat sat on the mat.', 'The cat sat on a mat.')).toBeCloseTo(6 / 7, 12)
  })

  it('is case-sensitive itself (the rouge-n assertion lower-cases first)', () => {
    expect(promptfooRougeN('hello world', 'Hello World')).toBe(0)
    expect(promptfooRougeN('Hello World', 'Hello World')).toBe(1)
  })

  it('clips a repeated word to its count on the other side', () => {
    // overlap 1 ("the" once in the reference): P = 1/3, R = 1/2, F1 = 0.4
    expect(promptfooRougeN('the the the', 'the cat')).toBeCloseTo(0.4, 12)
    // overlap 2: P = 1, R = 2/3, F1 = 0.8
    expect(promptfooRougeN('the cat', 'the the cat')).toBeCloseTo(0.8, 12)
    expect(promptfooRougeN('the cat sat on the mat', 'the cat sat on the mat')).toBe(1)
  })

  it('throws, as js-rouge does, on text over its ~1M-character n-gram limit', () => {
    const huge = 'word '.repeat(250_001)
    expect(() => promptfooRougeN(huge, 'word')).toThrow('N-gram generation exceeds the materialization limit')
    // P = 1/1000, R = 1: F1 = 2/1001 (the same float as promptfoo's, see assertion-cases.json)
    expect(promptfooRougeN('word '.repeat(1000), 'word')).toBeCloseTo(2 / 1001, 15)
  })

  it('scores 0 when either side has no token or nothing overlaps', () => {
    expect(promptfooRougeN('', 'x')).toBe(0)
    expect(promptfooRougeN('x', '')).toBe(0)
    expect(promptfooRougeN('x', '   ')).toBe(0)
    expect(promptfooRougeN('a b', 'c d')).toBe(0)
  })
})

describe('standard ROUGE (F1) for Eval Lab’s own checks', () => {
  it('ROUGE-L on Lin (2004)’s example', () => {
    expect(rougeL('police kill the gunman', 'police killed the gunman').f).toBeCloseTo(3 / 4, 12)
    expect(rougeL('the gunman kill police', 'police killed the gunman').f).toBeCloseTo(2 / 4, 12)
  })

  it('ROUGE-L with unequal lengths uses precision and recall separately', () => {
    const result = rougeL('the cat', 'the black cat sat')
    expect(result.precision).toBe(1)
    expect(result.recall).toBe(0.5)
    expect(result.f).toBeCloseTo(2 / 3, 12)
  })

  it('ROUGE-N clips counts and ignores case and punctuation', () => {
    expect(rougeN('The cat sat on the mat.', 'the cat is on the mat').f).toBeCloseTo(5 / 6, 12)
    expect(rougeN('the cat sat on the mat', 'the cat is on the mat', 2).f).toBeCloseTo(3 / 5, 12)
    expect(rougeN('the the the the', 'the cat').precision).toBe(1 / 4)
  })

  it('empty text scores 0, never NaN', () => {
    expect(rougeL('', 'x')).toEqual({ precision: 0, recall: 0, f: 0 })
    expect(rougeN('...', 'x').f).toBe(0)
  })

  it('lcsLength', () => {
    expect(lcsLength(['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'b'])).toBe(3)
    expect(lcsLength([], ['a'])).toBe(0)
  })
})
