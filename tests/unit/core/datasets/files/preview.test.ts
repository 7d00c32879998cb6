import { describe, expect, it } from 'vitest'
import {
  buildImportPreview,
  formatIssue,
  parseDatasetFile,
} from '../../../../../electron/main/core/datasets/files'
import { parseText, utf8 } from './helpers'

function ticketRows(n: number, broken: number[]): string {
  const rows = Array.from({ length: n }, (_, i) =>
    broken.includes(i + 1) ? `${i + 1},x,extra` : `${i + 1},question ${i + 1}`,
  )
  return `id,question\n${rows.join('\n')}\n`
}

describe('buildImportPreview', () => {
  it('shows the suggested mapping, the first 10 rows mapped and every failing row', () => {
    const table = parseText('p.csv', ticketRows(25, [3, 20, 24]))
    const preview = buildImportPreview(table, undefined, { knownVariables: ['question'] })
    expect(preview).toMatchObject({
      file: 'p.csv',
      format: 'csv',
      layout: 'generic',
      needsMapping: true,
      columns: ['id', 'question'],
      suggestedMapping: { id: { role: 'key' }, question: { role: 'var', name: 'question' } },
      mappingIssues: [],
      counts: { rows: 25, valid: 22, failing: 3, excluded: 0 },
    })
    expect(preview.firstRows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(preview.firstRows[0]).toMatchObject({
      line: 2,
      case: { key: '1', vars: { question: 'question 1' } },
    })
    expect(preview.firstRows[2]).toMatchObject({ row: 3, values: null, case: null })
    expect(preview.failingRows.map((r) => [r.row, r.issues.map(formatIssue)])).toEqual([
      [3, ['p.csv, row 3 (line 4): 3 fields where the header has 2']],
      [20, ['p.csv, row 20 (line 21): 3 fields where the header has 2']],
      [24, ['p.csv, row 24 (line 25): 3 fields where the header has 2']],
    ])
  })

  it('builds the rows with the given mapping and counts excluded rows', () => {
    const table = parseText('p.csv', ticketRows(4, [2]))
    const preview = buildImportPreview(
      table,
      { id: { role: 'ignore' }, question: { role: 'var', name: 'q' } },
      {
        excludeRows: [2],
      },
    )
    expect(preview.counts).toEqual({ rows: 4, valid: 3, failing: 0, excluded: 1 })
    expect(preview.firstRows.map((r) => r.case?.key)).toEqual(['row-0001', 'row-0003', 'row-0004'])
    expect(preview.mapping).not.toEqual(preview.suggestedMapping)
  })

  it('shows mapped values of a row that fails in mapping', () => {
    const table = parseText('p.csv', 'id,question\n1,a\n1,b\n')
    const [failing] = buildImportPreview(table).failingRows
    expect(failing).toMatchObject({ row: 2, values: { id: '1', question: 'b' }, case: null })
  })

  it('needs no mapping step for our own export and for promptfoo files', () => {
    const ours = parseDatasetFile({ fileName: 'x.jsonl', bytes: utf8('{"key":"a","vars":{"q":"x"}}\n') })
    const promptfoo = parseDatasetFile({ fileName: 'x.yaml', bytes: utf8('- vars: { q: x }\n') })
    if (!ours.ok || !promptfoo.ok) throw new Error('fixtures should parse')
    expect(buildImportPreview(ours.table).needsMapping).toBe(false)
    expect(buildImportPreview(promptfoo.table).needsMapping).toBe(false)
  })
})
