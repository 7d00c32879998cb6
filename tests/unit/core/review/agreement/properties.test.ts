import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cohensKappa,
  krippendorffAlpha,
  percentAgreement,
  weightedKappa,
  winRate,
} from '../../../../../electron/main/core/review/agreement'

const levels = ['nominal', 'ordinal', 'interval'] as const
const likert = fc.integer({ min: 1, max: 5 })
const pairs = fc.array(fc.tuple(likert, likert), { minLength: 1, maxLength: 60 })
/** Units of up to five coders on a 1..5 scale, a third of the cells missing. */
const units = fc.array(fc.array(fc.option(likert, { freq: 2, nil: null }), { minLength: 1, maxLength: 5 }), {
  minLength: 1,
  maxLength: 40,
})
/** An injective relabelling of 1..5: a permutation of five arbitrary distinct codes. */
const relabelling = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 5, maxLength: 5 })

function relabel(value: number, labels: readonly number[]): number {
  return labels[value - 1] ?? Number.NaN
}

describe('agreement properties', () => {
  it('perfect agreement gives κ = weighted κ = α = 1 and percent agreement 1', () => {
    fc.assert(
      fc.property(
        fc.array(likert, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 2, max: 5 }),
        (values, coders) => {
          const same = values.map((value): [number, number] => [value, value])
          expect(cohensKappa(same).kappa).toBeCloseTo(1, 12)
          expect(weightedKappa(same, [1, 2, 3, 4, 5], 'quadratic').kappa).toBeCloseTo(1, 12)
          const unanimous = values.map((value) => Array.from({ length: coders }, () => value))
          for (const level of levels) expect(krippendorffAlpha(unanimous, level).alpha).toBeCloseTo(1, 12)
          expect(percentAgreement(unanimous)).toBe(1)
        },
      ),
    )
  })

  it('nominal κ and α do not depend on the labels, only on which values are equal', () => {
    fc.assert(
      fc.property(pairs, units, relabelling, (rated, coded, labels) => {
        const relabelledPairs = rated.map(([a, b]): [number, number] => [
          relabel(a, labels),
          relabel(b, labels),
        ])
        expect(cohensKappa(relabelledPairs).kappa).toBeCloseTo(cohensKappa(rated).kappa ?? Number.NaN, 10)
        const relabelledUnits = coded.map((unit) => unit.map((v) => (v === null ? null : relabel(v, labels))))
        const before = krippendorffAlpha(coded, 'nominal').alpha
        const after = krippendorffAlpha(relabelledUnits, 'nominal').alpha
        if (before === null) expect(after).toBeNull()
        else expect(after).toBeCloseTo(before, 10)
      }),
    )
  })

  it('ordinal α depends only on the order of values, interval α is invariant to affine rescaling', () => {
    fc.assert(
      fc.property(units, (coded) => {
        const cubed = coded.map((unit) => unit.map((v) => (v === null ? null : v ** 3)))
        const rescaled = coded.map((unit) => unit.map((v) => (v === null ? null : 10 - 2.5 * v)))
        const ordinal = krippendorffAlpha(coded, 'ordinal').alpha
        const interval = krippendorffAlpha(coded, 'interval').alpha
        if (ordinal === null || interval === null) return
        expect(krippendorffAlpha(cubed, 'ordinal').alpha).toBeCloseTo(ordinal, 10)
        expect(krippendorffAlpha(rescaled, 'interval').alpha).toBeCloseTo(interval, 10)
      }),
    )
  })

  it('α lies in [−1, 1] at every level, κ in [−1, 1], percent agreement in [0, 1]', () => {
    fc.assert(
      fc.property(units, pairs, (coded, rated) => {
        for (const level of levels) {
          const alpha = krippendorffAlpha(coded, level).alpha
          if (alpha === null) continue
          expect(alpha).toBeGreaterThanOrEqual(-1)
          expect(alpha).toBeLessThanOrEqual(1 + 1e-12)
        }
        for (const kappa of [
          cohensKappa(rated).kappa,
          weightedKappa(rated, [1, 2, 3, 4, 5], 'linear').kappa,
          weightedKappa(rated, [1, 2, 3, 4, 5], 'quadratic').kappa,
        ]) {
          expect(kappa).toBeGreaterThanOrEqual(-1 - 1e-12)
          expect(kappa).toBeLessThanOrEqual(1 + 1e-12)
        }
        const share = percentAgreement(coded)
        if (share !== null) expect(share >= 0 && share <= 1).toBe(true)
      }),
    )
  })

  it('weighted κ on a two-point scale equals Cohen’s κ', () => {
    const binary = fc.integer({ min: 0, max: 1 })
    fc.assert(
      fc.property(fc.array(fc.tuple(binary, binary), { minLength: 1, maxLength: 60 }), (rated) => {
        const kappa = cohensKappa(rated).kappa ?? Number.NaN
        expect(weightedKappa(rated, [0, 1], 'linear').kappa).toBeCloseTo(kappa, 10)
        expect(weightedKappa(rated, [0, 1], 'quadratic').kappa).toBeCloseTo(kappa, 10)
      }),
    )
  })

  it('the win rate lies inside its interval, which lies inside [0, 1]', () => {
    const count = fc.nat({ max: 300 })
    fc.assert(
      fc.property(count, count, count, (aWins, bWins, ties) => {
        const result = winRate(aWins, bWins, ties)
        if (result.winRateA === null || result.ci95 === null) return
        expect(result.ci95.low).toBeGreaterThanOrEqual(0)
        expect(result.ci95.high).toBeLessThanOrEqual(1)
        expect(result.ci95.low).toBeLessThanOrEqual(result.winRateA)
        expect(result.ci95.high).toBeGreaterThanOrEqual(result.winRateA)
      }),
    )
  })
})
