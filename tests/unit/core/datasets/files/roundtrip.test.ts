import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatIssue,
  importDatasetFile,
  toCsv,
  toJsonl,
  type ImportedCase,
} from '../../../../../electron/main/core/datasets/files'
import { utf8 } from './helpers'

/** Pieces that break naive CSV and spreadsheets: delimiters, quotes, line ends, formula starts, BOMs. */
const tricky = fc.constantFrom(
  '',
  ',',
  ';',
  '|',
  '\t',
  '"',
  '""',
  "'",
  '\n',
  '\r',
  '\r\n',
  ' ',
  '=SUM(A1:A2)',
  '+1',
  '-1',
  '@cmd',
  "'=x",
  '\uFF1D1',
  '\uFEFF',
  '\u2028',
  'null',
  '[]',
  'é',
  '😀',
  '中文',
)
const text = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 5 })
  .map((parts) => parts.join(''))
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/)
const tags = fc.uniqueArray(
  text.map((t) => t.trim()).filter((t) => t !== ''),
  { maxLength: 4 },
)

const caseArb = fc.record({
  key: text.filter((k) => k.trim() !== ''),
  vars: fc.dictionary(name, text, { minKeys: 1, maxKeys: 4 }),
  // Through JSON once: JSON has no -0 (fc.jsonValue may generate it), so a file can never carry one.
  expected: fc.dictionary(name, fc.oneof(text, fc.jsonValue({ maxDepth: 2 }).map(throughJson)), {
    maxKeys: 3,
  }),
  expectedOutput: fc.option(text, { nil: null }),
  tags,
  notes: text,
})
const datasets = fc.uniqueArray(caseArb, { selector: (c) => c.key, minLength: 1, maxLength: 6 })

function reimport(fileName: string, content: string): ImportedCase[] {
  const result = importDatasetFile({ fileName, bytes: utf8(content) })
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'))
  expect(result.table.layout).toBe('evallab')
  return result.cases
}

describe('export → import round trip', () => {
  it('CSV gives back identical cases', () => {
    fc.assert(
      fc.property(datasets, (cases) => {
        expect(reimport('export.csv', toCsv(cases))).toEqual(cases)
      }),
      { numRuns: 300 },
    )
  })

  it('CSV without a byte order mark too', () => {
    fc.assert(
      fc.property(datasets, (cases) => {
        expect(reimport('export.csv', toCsv(cases, { bom: false }))).toEqual(cases)
      }),
      { numRuns: 100 },
    )
  })

  it('JSONL gives back identical cases', () => {
    fc.assert(
      fc.property(datasets, (cases) => {
        expect(reimport('export.jsonl', toJsonl(cases))).toEqual(cases)
      }),
      { numRuns: 300 },
    )
  })

  it('re-exporting an import gives the same bytes', () => {
    fc.assert(
      fc.property(datasets, (cases) => {
        const csv = toCsv(cases)
        const jsonl = toJsonl(cases)
        expect(toCsv(reimport('a.csv', csv))).toBe(csv)
        expect(toJsonl(reimport('a.jsonl', jsonl))).toBe(jsonl)
      }),
      { numRuns: 100 },
    )
  })
})
