import { describe, expect, it } from 'vitest'
import { compareLengths, compareShares } from '../../../../electron/main/core/production/drift/compare'
import { driftFindings } from '../../../../electron/main/core/production/drift/findings'
import { profileCase, type CaseProfile } from '../../../../electron/main/core/production/drift/profile'
import { findUnrepresented } from '../../../../electron/main/core/production/drift/unrepresented'

let next = 0
function profile(body: string, tags: string[]): CaseProfile {
  next += 1
  return profileCase({
    id: `case_${next}`,
    key: `k${next}`,
    vars: { body },
    expected: {},
    expectedOutput: null,
    tags,
    notes: '',
  })
}

const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i))

describe('drift comparison', () => {
  const curated = many(100, (i) =>
    profile('x'.repeat(100 + i), [i < 96 ? 'lang:en' : 'lang:es', i % 2 ? 'segment:pro' : 'segment:free']),
  )
  const production = many(50, (i) =>
    profile('y'.repeat(300 + i * 4), [
      i < 30 ? 'lang:en' : 'lang:es',
      i % 2 ? 'segment:pro' : 'segment:free',
    ]),
  )

  it('flags longer inputs by KS and median, and says how much longer', () => {
    const length = compareLengths(curated, production)
    expect(length).toMatchObject({
      datasetMedian: 149.5,
      productionMedian: 398,
      ksStatistic: 1,
      drifted: true,
    })
    expect(length.pValue).toBeLessThan(1e-10)
    const findings = driftFindings({ length, tags: [], languages: [] })
    expect(findings).toEqual(['Production inputs are 2.7× longer (median 398 vs 150 characters)'])
  })

  it('flags a language whose share grew and names it in a sentence', () => {
    const languages = compareShares(
      curated.map((p) => p.language),
      production.map((p) => p.language),
    )
    expect(languages.significant).toBe(true)
    expect(languages.rows.find((r) => r.key === 'es')).toEqual({
      key: 'es',
      datasetShare: 0.04,
      productionShare: 0.4,
      drifted: true,
    })
    const findings = driftFindings({
      length: { datasetMedian: 1, productionMedian: 1, ksStatistic: 0, pValue: 1, drifted: false },
      tags: [],
      languages: languages.rows,
    })
    expect(findings).toContain('Spanish is 40 % of production calls but 4 % of the dataset')
    expect(findings).toContain('English is 60 % of production calls but 96 % of the dataset')
  })

  it('leaves matching distributions alone', () => {
    const segments = compareShares(
      curated.map((p) => p.tags.get('segment:')),
      production.map((p) => p.tags.get('segment:')),
    )
    expect(segments.significant).toBe(false)
    expect(segments.rows.every((r) => !r.drifted)).toBe(true)
  })

  it('flags a key that production has and the dataset lacks, even when small', () => {
    const rows = compareShares(
      many(100, () => 'channel:email'),
      [...many(96, () => 'channel:email'), ...many(4, () => 'channel:chat')],
    ).rows
    expect(rows.find((r) => r.key === 'channel:chat')).toMatchObject({ datasetShare: 0, drifted: true })
    expect(driftFindings({ length: compareLengths([], []), tags: rows, languages: [] })).toEqual([
      'channel:chat is 4 % of production calls but absent from the dataset',
    ])
  })

  it('lists unrepresented production cases with their reasons, most reasons first', () => {
    const found = findUnrepresented(curated, production)
    // Every production input is longer than the longest curated one (199 characters).
    expect(found).toHaveLength(50)
    expect(found[0]?.reasons).toEqual([
      'Spanish is 40 % of production but 4 % of the dataset',
      'Longer than any dataset input (420 vs at most 199 characters)',
    ])
    expect(found[0]?.preview).toHaveLength(160)
    expect(found.at(-1)?.reasons).toHaveLength(1)
  })
})
