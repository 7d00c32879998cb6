import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createRandom,
  mcnemarExact,
  meanInterval,
  pairedBootstrap,
  percentile,
  signTest,
  wilcoxonSignedRank,
  wilsonInterval,
} from '../../../../../electron/main/core/scoring/stats'

const score = fc.double({ min: 0, max: 1, noNaN: true })
const likertDelta = fc.integer({ min: -4, max: 4 }).map((d) => d / 4)
const smallCount = fc.nat({ max: 400 })

/** Brute force over all 2ⁿ sign assignments: the definition the dynamic programme must match. */
function bruteForceWilcoxonP(n: number, statistic: number): number {
  let atOrBelow = 0
  for (let mask = 0; mask < 2 ** n; mask++) {
    let sum = 0
    for (let rank = 1; rank <= n; rank++) if (mask & (1 << (rank - 1))) sum += rank
    if (sum <= statistic) atOrBelow++
  }
  return Math.min(1, (2 * atOrBelow) / 2 ** n)
}

/** 2·Σ C(n, i)/2ⁿ directly, fine for small n: the definition the log-space sum must match. */
function bruteForceBinomialP(b: number, c: number): number {
  const n = b + c
  if (n === 0) return 1
  let coefficient = 1
  let tail = 0
  for (let i = 0; i <= Math.min(b, c); i++) {
    tail += coefficient
    coefficient = (coefficient * (n - i)) / (i + 1)
  }
  return Math.min(1, (2 * tail) / 2 ** n)
}

describe('identical runs', () => {
  it('give a bootstrap delta of 0 with interval [0, 0], McNemar p = 1 and Wilcoxon p = 1', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 300 }), fc.integer(), (scores, seed) => {
        const deltas = scores.map((s) => s - s)
        const passes = scores.map((s) => s >= 0.5)
        const worse = passes.filter((p, i) => p && !passes[i]).length
        const better = passes.filter((p, i) => !p && passes[i]).length
        expect(pairedBootstrap(deltas, { iterations: 200, seed })).toMatchObject({ mean: 0, low: 0, high: 0 })
        expect(mcnemarExact(worse, better).pValue).toBe(1)
        expect(wilcoxonSignedRank(deltas).pValue).toBe(1)
      }),
    )
  })
})

describe('p-values', () => {
  it('McNemar p is in [0, 1], symmetric in b and c, and equals the direct binomial sum', () => {
    fc.assert(
      fc.property(smallCount, smallCount, (b, c) => {
        const p = mcnemarExact(b, c).pValue
        expect(p).toBeGreaterThanOrEqual(0)
        expect(p).toBeLessThanOrEqual(1)
        expect(mcnemarExact(c, b).pValue).toBe(p)
        expect(signTest(b, c).pValue).toBe(p)
        if (b + c <= 60) expect(p).toBeCloseTo(bruteForceBinomialP(b, c), 12)
      }),
    )
  })

  it('Wilcoxon p is in [0, 1], W+ + W− = n(n+1)/2, and flipping all signs changes nothing', () => {
    fc.assert(
      fc.property(fc.array(likertDelta, { maxLength: 120 }), (deltas) => {
        const result = wilcoxonSignedRank(deltas)
        const flipped = wilcoxonSignedRank(deltas.map((d) => -d))
        expect(result.pValue).toBeGreaterThanOrEqual(0)
        expect(result.pValue).toBeLessThanOrEqual(1)
        expect(result.wPlus + result.wMinus).toBeCloseTo((result.n * (result.n + 1)) / 2, 9)
        expect(flipped.pValue).toBeCloseTo(result.pValue, 12)
        expect(flipped.wPlus).toBeCloseTo(result.wMinus, 9)
      }),
    )
  })

  it('the exact Wilcoxon p equals brute-force enumeration of sign assignments', () => {
    const distinctMagnitudes = fc
      .uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 })
      .chain((magnitudes) =>
        fc
          .array(fc.boolean(), { minLength: magnitudes.length, maxLength: magnitudes.length })
          .map((signs) => magnitudes.map((m, i) => (signs[i] ? m : -m))),
      )
    fc.assert(
      fc.property(distinctMagnitudes, (diffs) => {
        const result = wilcoxonSignedRank(diffs)
        expect(result.method).toBe('exact')
        expect(result.pValue).toBeCloseTo(bruteForceWilcoxonP(result.n, result.statistic), 12)
      }),
    )
  })
})

describe('intervals', () => {
  it('the Wilson interval lies in [0, 1] and contains the observed rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const successes = Math.round(share * n)
          const { low, high } = wilsonInterval(successes, n)
          expect(low).toBeGreaterThanOrEqual(0)
          expect(high).toBeLessThanOrEqual(1)
          expect(low).toBeLessThanOrEqual(successes / n + 1e-15)
          expect(high).toBeGreaterThanOrEqual(successes / n - 1e-15)
        },
      ),
    )
  })

  it('the t interval is centred on the mean and contains it', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 2, maxLength: 200 }), (values) => {
        const interval = meanInterval(values)
        expect(interval).not.toBeNull()
        if (!interval) return
        expect(interval.low).toBeLessThanOrEqual(interval.mean)
        expect(interval.high).toBeGreaterThanOrEqual(interval.mean)
        expect(interval.mean - interval.low).toBeCloseTo(interval.high - interval.mean, 9)
      }),
    )
  })

  it('the bootstrap interval contains the mean delta and is reproducible for its seed', () => {
    fc.assert(
      fc.property(fc.array(likertDelta, { minLength: 1, maxLength: 150 }), fc.integer(), (deltas, seed) => {
        const result = pairedBootstrap(deltas, { iterations: 500, seed })
        expect(result.low).toBeLessThanOrEqual(result.mean + 1e-12)
        expect(result.high).toBeGreaterThanOrEqual(result.mean - 1e-12)
        expect(pairedBootstrap(deltas, { iterations: 500, seed })).toEqual(result)
      }),
      { numRuns: 60 },
    )
  })

  it('percentiles are monotone in p and stay within the sample', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 60_000, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, p, q) => {
          const [lower, upper] = p <= q ? [p, q] : [q, p]
          const atLower = percentile(values, lower) ?? Number.NaN
          const atUpper = percentile(values, upper) ?? Number.NaN
          expect(atLower).toBeLessThanOrEqual(atUpper)
          expect(atLower).toBeGreaterThanOrEqual(Math.min(...values))
          expect(atUpper).toBeLessThanOrEqual(Math.max(...values))
        },
      ),
    )
  })
})

describe('createRandom', () => {
  it('stays in [0, 1) for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = createRandom(seed)
        for (let i = 0; i < 100; i++) {
          const x = random()
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThan(1)
        }
      }),
    )
  })
})
