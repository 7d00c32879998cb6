import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import { toJsonl, type ImportedCase } from '../../../../electron/main/core/datasets/files'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { allCases, demoDataset, importAsNew } from './api-helpers'

interface Exported {
  fileName: string
  content: string
  caseCount: number
}

const exportOf = (core: Core, datasetId: string, format: 'csv' | 'jsonl', snapshotId?: string) =>
  call<Exported>(core, 'datasets.export', { datasetId, format, snapshotId })

const withoutIds = (cases: DatasetCase[]) => cases.map(({ id: _id, ...fields }) => fields)

const newHome = useTempHomes()

describe('export → import → export through the core', () => {
  it.each(['csv', 'jsonl'] as const)('gives identical %s files and identical cases', async (format) => {
    const core = demoCore(newHome())
    const demo = await demoDataset(core)
    const first = await exportOf(core, demo.id, format)
    expect(first.fileName).toBe(`triage-golden-set.${format}`)
    expect(first.caseCount).toBe(145)
    const copy = await importAsNew(core, first.fileName, first.content, 'Copy')
    expect(copy.dataset.caseCount).toBe(145)
    const second = await exportOf(core, copy.dataset.id, format)
    expect(second.content).toBe(first.content)
    expect(withoutIds(await allCases(core, copy.dataset.id))).toEqual(
      withoutIds(await allCases(core, demo.id)),
    )
    core.close()
  })

  it('exports a snapshot as it was, named after its number', async () => {
    const core = demoCore(newHome())
    const demo = await demoDataset(core)
    const [snapshot] = (await call<{ snapshots: { id: string }[] }>(core, 'datasets.get', { id: demo.id }))
      .snapshots
    const [first] = await allCases(core, demo.id)
    await call(core, 'cases.update', { caseId: first?.id, patch: { notes: 'changed after snapshot 1' } })
    const atSnapshot = await exportOf(core, demo.id, 'jsonl', snapshot?.id)
    expect(atSnapshot.fileName).toBe('triage-golden-set.snapshot-1.jsonl')
    expect(atSnapshot.content).not.toContain('changed after snapshot 1')
    expect((await exportOf(core, demo.id, 'jsonl')).content).toContain('changed after snapshot 1')
    core.close()
  })
})

/** Values that break naive CSV and spreadsheets: delimiters, quotes, line ends, formula starts. */
const tricky = fc.constantFrom(
  '',
  ',',
  ';',
  '|',
  '\t',
  '"',
  "'",
  '\n',
  '\r\n',
  ' ',
  '=SUM(A1)',
  '+1',
  '-1',
  '@x',
  'é',
  '😀',
)
const text = fc
  .array(fc.oneof(tricky, fc.string({ maxLength: 6 })), { maxLength: 4 })
  .map((parts) => parts.join(''))
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/)
const caseArb: fc.Arbitrary<ImportedCase> = fc.record({
  key: text.filter((k) => k.trim() !== ''),
  vars: fc.dictionary(name, text, { minKeys: 1, maxKeys: 3 }),
  expected: fc.dictionary(name, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), {
    maxKeys: 2,
  }),
  expectedOutput: fc.option(text, { nil: null }),
  tags: fc.uniqueArray(
    text.map((t) => t.trim()).filter((t) => t !== ''),
    { maxLength: 3 },
  ),
  notes: text,
})

describe('round trip property (through dispatch and SQLite)', () => {
  let home = ''
  let core: Core
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'evallab-roundtrip-'))
    core = demoCore(home, { seedDemo: false })
  })
  afterAll(() => {
    core.close()
    rmSync(home, { recursive: true, force: true })
  })

  it('any dataset exported as CSV or JSONL and imported again is the same dataset', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(caseArb, { selector: (c) => c.key, minLength: 1, maxLength: 5 }),
        async (cases) => {
          const source = await importAsNew(core, 'source.jsonl', toJsonl(cases), `Source ${++n}`)
          for (const format of ['csv', 'jsonl'] as const) {
            const exported = await exportOf(core, source.dataset.id, format)
            const copy = await importAsNew(core, exported.fileName, exported.content, `Copy ${n} ${format}`)
            expect((await exportOf(core, copy.dataset.id, format)).content).toBe(exported.content)
            expect(withoutIds(await allCases(core, copy.dataset.id))).toEqual(cases)
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
