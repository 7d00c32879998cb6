import { describe, expect, it } from 'vitest'
import type { PairwiseJudgmentFacts } from '../../../../../electron/main/core/db/repos/pairwise'
import { parsePairwiseAnswer, verdictOf } from '../../../../../electron/main/core/scoring/pairwise/answer'
import { winRateInterval } from '../../../../../electron/main/core/scoring/pairwise/interval'
import { caseOutcome, summarize } from '../../../../../electron/main/core/scoring/pairwise/outcome'
import { wilsonInterval } from '../../../../../electron/main/core/scoring/stats'

const judgment = (
  caseId: string,
  order: 'ab' | 'ba',
  verdict: 'a' | 'b' | 'tie' | null,
  costUsd: number | null = 0.001,
): PairwiseJudgmentFacts => ({
  caseId,
  order,
  verdict,
  reason: '',
  error: verdict === null ? 'failed' : null,
  costUsd: verdict === null ? null : costUsd,
  answered: verdict !== null,
})

describe('the judge answer', () => {
  it('reads the winner in the shapes judges write, and names what it could not read', () => {
    expect(parsePairwiseAnswer('{"winner": "1", "reason": "x"}')).toEqual({
      ok: true,
      winner: 'first',
      reason: 'x',
    })
    expect(parsePairwiseAnswer('```json\n{"winner": 2, "reason": "y"}\n```')).toMatchObject({
      winner: 'second',
    })
    expect(parsePairwiseAnswer('{"winner": "TIE"}')).toEqual({ ok: true, winner: 'tie', reason: '' })
    expect(parsePairwiseAnswer('{"winner": "3", "reason": ""}')).toEqual({
      ok: false,
      error: 'The judge\'s winner "3" is not "1", "2" or "tie"',
    })
    expect(parsePairwiseAnswer('B is better')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not answer with JSON/),
    })
    expect(parsePairwiseAnswer('{"score": 1}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no "winner"/),
    })
  })

  it('maps the shown position back to the slices', () => {
    expect(verdictOf('ab', 'first')).toBe('a')
    expect(verdictOf('ab', 'second')).toBe('b')
    expect(verdictOf('ba', 'first')).toBe('b')
    expect(verdictOf('ba', 'second')).toBe('a')
    expect(verdictOf('ba', 'tie')).toBe('tie')
  })
})

describe('a case judged in both orders', () => {
  it('is won only when both orders agree; a disagreement is an inconsistent tie', () => {
    expect(caseOutcome([judgment('c', 'ab', 'b'), judgment('c', 'ba', 'b')])).toEqual({
      outcome: 'b',
      inconsistent: false,
      failed: false,
    })
    expect(caseOutcome([judgment('c', 'ab', 'a'), judgment('c', 'ba', 'b')])).toEqual({
      outcome: 'tie',
      inconsistent: true,
      failed: false,
    })
    expect(caseOutcome([judgment('c', 'ab', 'a'), judgment('c', 'ba', 'tie')])).toEqual({
      outcome: 'tie',
      inconsistent: true,
      failed: false,
    })
    expect(caseOutcome([judgment('c', 'ab', 'tie'), judgment('c', 'ba', 'tie')])).toEqual({
      outcome: 'tie',
      inconsistent: false,
      failed: false,
    })
    expect(caseOutcome([judgment('c', 'ab', 'a')])).toEqual({
      outcome: null,
      inconsistent: false,
      failed: false,
    })
    expect(caseOutcome([judgment('c', 'ab', 'a'), judgment('c', 'ba', null)])).toEqual({
      outcome: null,
      inconsistent: false,
      failed: true,
    })
  })
})

describe('the summary', () => {
  it('counts from B, a tie as half a win, with the cost known and the calls without a price apart', () => {
    const facts = [
      judgment('1', 'ab', 'b'),
      judgment('1', 'ba', 'b'),
      judgment('2', 'ab', 'b'),
      judgment('2', 'ba', 'b'),
      judgment('3', 'ab', 'a'),
      judgment('3', 'ba', 'a', null),
      judgment('4', 'ab', 'a'),
      judgment('4', 'ba', 'b'),
      judgment('5', 'ab', 'a'),
      judgment('5', 'ba', null),
    ]
    const s = summarize(facts, { cases: 6, noOutput: 1 })
    expect(s).toMatchObject({
      cases: 6,
      noOutput: 1,
      judged: 4,
      bWins: 2,
      aWins: 1,
      ties: 1,
      inconsistent: 1,
      failed: 1,
    })
    expect(s.bWinRate).toBe(2.5 / 4)
    expect(s.judgeCostUsd).toBeCloseTo(0.008, 12)
    expect(s).toMatchObject({ unpricedCalls: 1, judgeCalls: 10 })
    expect(summarize([], { cases: 3, noOutput: 0 })).toMatchObject({
      judged: 0,
      bWinRate: null,
      interval: null,
    })
  })

  it("gives Wilson's interval for whole counts and stays inside [0, 1] at the ends", () => {
    expect(winRateInterval(7 / 10, 10).low).toBeCloseTo(wilsonInterval(7, 10).low, 12)
    expect(winRateInterval(7 / 10, 10).high).toBeCloseTo(wilsonInterval(7, 10).high, 12)
    // A published value: 7 of 10 → [0.3968, 0.8922] (Newcombe 1998, method 3).
    expect(winRateInterval(0.7, 10).low).toBeCloseTo(0.3968, 4)
    expect(winRateInterval(0.7, 10).high).toBeCloseTo(0.8922, 4)
    expect(winRateInterval(0, 5)).toMatchObject({ low: 0 })
    expect(winRateInterval(1, 5)).toMatchObject({ high: 1 })
    const half = winRateInterval(2.5 / 4, 4)
    expect(half.low).toBeGreaterThan(0)
    expect(half.high).toBeLessThan(1)
  })
})
