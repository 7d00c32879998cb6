import { describe, expect, it } from 'vitest'
import { findDuplicates } from '../../../../electron/main/core/datasets/duplicates'
import { bandRows, candidatePairs, jaccard, shingles } from '../../../../electron/main/core/datasets/minhash'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { demoDataset } from './api-helpers'

const WORDS =
  'our finance team noticed two identical card charges on the annual renewal invoice for one hundred and twenty seats ' +
  'and we only expected a single payment so could you please reverse the duplicate and send a written confirmation ' +
  'that we can attach for the auditors before the month end close'

const c = (id: string, vars: Record<string, string>) => ({ id, key: id, vars })
const keys = (group: { cases: { key: string }[] }) => group.cases.map((x) => x.key)

describe('findDuplicates', () => {
  it('groups exact duplicates after trimming, lower-casing and collapsing whitespace', () => {
    const groups = findDuplicates(
      [
        c('a', { q: 'Where is my order?', lang: 'en' }),
        c('b', { q: 'Something else entirely', lang: 'en' }),
        c('c', { lang: 'EN ', q: '  where is   MY order?' }),
        c('d', { q: 'Where is my order?' }),
      ],
      0.85,
    )
    expect(groups).toEqual([
      {
        kind: 'exact',
        similarity: 1,
        cases: [
          { id: 'a', key: 'a' },
          { id: 'c', key: 'c' },
        ],
      },
    ])
  })

  it('finds near duplicates at or above the threshold and not below it', () => {
    const words = WORDS.split(' ')
    const oneWordOff = [...words.slice(0, -1), 'closing'].join(' ')
    const rewritten = [...words.slice(0, 33), 'and', 'other', 'words'].join(' ')
    const cases = [
      c('orig', { body: WORDS, tier: 'enterprise' }),
      c('other', { body: 'how do i make a board visible only to me', tier: 'free' }),
      c('near', { body: oneWordOff, tier: 'enterprise' }),
      c('far', { body: rewritten, tier: 'enterprise' }),
      c('exact', { body: WORDS.toUpperCase(), tier: 'Enterprise' }),
    ]
    const similarity = jaccard(shingles(`${WORDS}\nenterprise`), shingles(`${oneWordOff}\nenterprise`))
    expect(similarity).toBeGreaterThan(0.9)
    const farSimilarity = jaccard(shingles(`${WORDS}\nenterprise`), shingles(`${rewritten}\nenterprise`))
    expect(farSimilarity).toBeGreaterThan(0.5)
    expect(farSimilarity).toBeLessThan(0.85)
    const groups = findDuplicates(cases, 0.85)
    expect(groups.map((g) => [g.kind, keys(g)])).toEqual([
      ['exact', ['orig', 'exact']],
      ['near', ['orig', 'near', 'exact']],
    ])
    expect(groups[1]?.similarity).toBeCloseTo(similarity, 3)
    expect(findDuplicates(cases, 0.5).map((g) => [g.kind, keys(g)])).toEqual([
      ['exact', ['orig', 'exact']],
      ['near', ['orig', 'near', 'far', 'exact']],
    ])
    expect(findDuplicates(cases, 0.99).map((g) => g.kind)).toEqual(['exact'])
  })

  it('chooses LSH bands that find a pair at the threshold almost surely', () => {
    expect(bandRows(0.85)).toBe(8)
    expect(bandRows(0.5)).toBeLessThanOrEqual(3)
    expect(bandRows(1)).toBe(16)
  })

  it('handles 10,000 cases without comparing every pair', () => {
    const vocabulary = WORDS.split(' ')
    // mulberry32: a full-period generator, so no two generated texts repeat by accident.
    let seed = 7
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
    }
    const cases = Array.from({ length: 10_000 }, (_, i) => {
      const words = Array.from({ length: 30 }, () => vocabulary[Math.floor(next() * vocabulary.length)])
      return c(`k${i}`, { body: `${words.join(' ')} ticket ${i}` })
    })
    cases.push(c('twin', { body: cases[42]?.vars.body ?? '' }))
    const groups = findDuplicates(cases, 0.85)
    // LSH visits a tiny share of the 50 million pairs: candidates, not everything.
    let visited = 0
    candidatePairs(
      cases.map((x) => shingles(x.vars.body ?? '')),
      0.85,
      () => (visited += 1),
    )
    expect(visited).toBeLessThan(50_000)
    expect(groups.map((g) => [g.kind, keys(g)])).toEqual([['exact', ['k42', 'twin']]])
  })
})

describe('datasets.duplicates', () => {
  const newHome = useTempHomes()

  it('reports a duplicated demo case as an exact group, in dataset order', async () => {
    const core = demoCore(newHome())
    const demo = await demoDataset(core)
    expect(await call(core, 'datasets.duplicates', { datasetId: demo.id })).toEqual([])
    const page = await call<{ cases: DatasetCase[] }>(core, 'datasets.cases', {
      datasetId: demo.id,
      limit: 3,
    })
    const original = page.cases[2]
    const [copy] = await call<DatasetCase[]>(core, 'cases.duplicate', { caseIds: [original?.id] })
    const groups = await call<unknown[]>(core, 'datasets.duplicates', { datasetId: demo.id, threshold: 0.9 })
    expect(groups).toEqual([
      {
        kind: 'exact',
        similarity: 1,
        cases: [
          { id: original?.id, key: original?.key },
          { id: copy?.id, key: `${original?.key}-copy` },
        ],
      },
    ])
    core.close()
  })
})
