import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toCsv as datasetCsv } from '../../../electron/main/core/datasets/files'
import { neutraliseFormula, restoreFormula } from '../../../shared/lib/spreadsheet-cell'

/** Shared with tests/renderer/features/compare/charts.test.ts: formula starts a spreadsheet runs, their full-width forms, escaped-looking text and harmless text. */
const values = [
  '=HYPERLINK("http://x","y")',
  '+1',
  '-2',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '\uFF1D1',
  '\uFF0B1',
  '\uFF0D1',
  '\uFF20x',
  "'=already",
  "''+x",
  "'plain",
  'plain',
  '',
]

describe('the dataset export writes cells with the shared formula rule', () => {
  it.each(values)('%j', (value) => {
    const parsed: unknown = parse(
      datasetCsv(
        [{ key: 'k', vars: { v: 'x' }, expected: {}, expectedOutput: null, tags: [], notes: value }],
        { bom: false },
      ),
      { record_delimiter: '\r\n' },
    )
    const rows = z.array(z.array(z.string())).parse(parsed)
    const datasetCell = rows[1]?.at(-1)
    expect(datasetCell).toBe(value === '' ? '' : neutraliseFormula(value))
    expect(restoreFormula(datasetCell ?? '')).toBe(value)
  })
})
