import { describe, expect, it } from 'vitest'
import { cohensKappa, weightedKappa } from '../../../../../electron/main/core/review/agreement'

/** Expand a contingency table { [first, second]: count } into rating pairs. */
function pairsFromTable(cells: readonly (readonly [number, number, number])[]): [number, number][] {
  return cells.flatMap(([first, second, count]) =>
    Array.from({ length: count }, (): [number, number] => [first, second]),
  )
}

/** Two label columns (as in scikit-learn's tests) zipped into pairs. */
function zipColumns(first: readonly number[], second: readonly number[]): [number, number][] {
  return first.map((value, index): [number, number] => [value, second[index] ?? Number.NaN])
}

function repeated(runs: readonly (readonly [number, number])[]): number[] {
  return runs.flatMap(([value, count]) => Array.from({ length: count }, () => value))
}

describe('cohensKappa', () => {
  it('reproduces Wikipedia’s worked example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4', () => {
    // en.wikipedia.org/wiki/Cohen's_kappa, "Simple example": p_o = 0.7, p_e = 0.5.
    const result = cohensKappa(
      pairsFromTable([
        [1, 1, 20],
        [1, 0, 5],
        [0, 1, 10],
        [0, 0, 15],
      ]),
    )
    expect(result.n).toBe(50)
    expect(result.observed).toBeCloseTo(0.7, 12)
    expect(result.expected).toBeCloseTo(0.5, 12)
    expect(result.kappa).toBeCloseTo(0.4, 12)
  })

  it('reproduces the two-doctor example: 12/2/4/2 of 20 → p_o = 0.7, p_e = 0.62, κ = 0.21', () => {
    // easycalculation.com "Cohen's kappa index": κ = 0.08 / 0.38.
    const result = cohensKappa(
      pairsFromTable([
        [1, 1, 12],
        [0, 1, 2],
        [1, 0, 4],
        [0, 0, 2],
      ]),
    )
    expect(result.observed).toBeCloseTo(0.7, 12)
    expect(result.expected).toBeCloseTo(0.62, 12)
    expect(result.kappa).toBeCloseTo(0.08 / 0.38, 12)
  })

  it('reproduces Artstein & Poesio (2008) Table 4, three categories → κ = 0.8013', () => {
    // The same example is in scikit-learn's test_cohen_kappa.
    const first = repeated([
      [0, 46],
      [1, 44],
      [2, 10],
    ])
    const second = repeated([
      [0, 52],
      [1, 32],
      [2, 16],
    ])
    expect(cohensKappa(zipColumns(first, second)).kappa).toBeCloseTo(0.8013, 4)
  })

  it('gives null without pairs and 1 when both raters used one and the same category throughout', () => {
    expect(cohensKappa([])).toEqual({ kappa: null, observed: null, expected: null, n: 0 })
    // p_e = 1 makes κ 0/0; every pair agreed, so it reads as agreement (documented choice).
    expect(cohensKappa(pairsFromTable([[1, 1, 20]]))).toEqual({ kappa: 1, observed: 1, expected: 1, n: 20 })
  })

  it('is 0 for agreement at chance level and negative below it', () => {
    expect(
      cohensKappa(
        pairsFromTable([
          [1, 1, 1],
          [1, 0, 1],
          [0, 1, 1],
          [0, 0, 1],
        ]),
      ).kappa,
    ).toBeCloseTo(0, 12)
    expect(
      cohensKappa([
        [1, 0],
        [0, 1],
      ]).kappa,
    ).toBe(-1)
  })

  it('rejects non-finite ratings', () => {
    expect(() => cohensKappa([[1, Number.NaN]])).toThrow(RangeError)
  })
})

describe('weightedKappa', () => {
  // scikit-learn test_cohen_kappa "Weighting example: none, linear, quadratic".
  const first = repeated([
    [0, 46],
    [1, 44],
    [2, 10],
  ])
  const second = repeated([
    [0, 50],
    [1, 40],
    [2, 10],
  ])
  const pairs = zipColumns(first, second)

  it('reproduces the scikit-learn weighting example: unweighted 0.9315, linear 0.9412, quadratic 0.9541', () => {
    expect(cohensKappa(pairs).kappa).toBeCloseTo(0.9315, 4)
    expect(weightedKappa(pairs, [0, 1, 2], 'linear').kappa).toBeCloseTo(0.9412, 4)
    expect(weightedKappa(pairs, [0, 1, 2], 'quadratic').kappa).toBeCloseTo(0.9541, 4)
  })

  it('equals Cohen’s κ on a two-category scale under either weighting', () => {
    const binary = pairsFromTable([
      [1, 1, 20],
      [1, 0, 5],
      [0, 1, 10],
      [0, 0, 15],
    ])
    expect(weightedKappa(binary, [0, 1], 'linear').kappa).toBeCloseTo(0.4, 12)
    expect(weightedKappa(binary, [0, 1], 'quadratic').kappa).toBeCloseTo(0.4, 12)
  })

  it('weights by position on the whole scale, so unused categories widen the distances', () => {
    // On 1..5, 1 vs 2 is a near miss; on the two-point scale {1, 2} it is total disagreement.
    const nearMiss: [number, number][] = [
      [1, 2],
      [2, 1],
      [5, 5],
      [4, 4],
    ]
    const onFullScale = weightedKappa(nearMiss, [1, 2, 3, 4, 5], 'quadratic').kappa ?? Number.NaN
    const onTwoPointScale = weightedKappa(nearMiss, [1, 2, 4, 5], 'quadratic').kappa ?? Number.NaN
    expect(onFullScale).toBeGreaterThan(onTwoPointScale)
  })

  it('gives null without pairs, 1 for a single shared category, and rejects values off the scale', () => {
    expect(weightedKappa([], [1, 2, 3], 'linear').kappa).toBeNull()
    expect(weightedKappa([[2, 2]], [1, 2, 3], 'linear').kappa).toBe(1)
    expect(() => weightedKappa([[1, 4]], [1, 2, 3], 'linear')).toThrow(/not one of the categories/)
    expect(() => weightedKappa([[1, 1]], [1, 1, 2], 'linear')).toThrow(/distinct/)
  })
})
