import { describe, expect, it } from 'vitest'
import {
  formatIssue,
  importDatasetFile,
  parseDatasetFile,
} from '../../../../../electron/main/core/datasets/files'
import { imported, refusal, utf8 } from './helpers'

describe('parseDatasetFile', () => {
  it.each([
    ['cases.csv', 'csv'],
    ['cases.TSV', 'csv'],
    ['cases.txt', 'csv'],
    ['cases.jsonl', 'jsonl'],
    ['cases.ndjson', 'jsonl'],
  ])('reads %s as %s', (fileName, format) => {
    const text = format === 'csv' ? 'q\na\n' : '{"q":"a"}\n'
    const result = parseDatasetFile({ fileName, bytes: utf8(text) })
    expect(result.ok && result.table.format).toBe(format)
  })

  it('reads .yaml, .yml and a .json list as promptfoo tests', () => {
    for (const fileName of ['t.yaml', 't.yml', 't.json']) {
      const result = parseDatasetFile({ fileName, bytes: utf8('[{"vars": {"q": "a"}}]') })
      expect(result.ok && result.table.format).toBe('promptfoo')
    }
  })

  it('names the file without its folders', () => {
    expect(refusal('C:\\Users\\ana\\Desktop\\cases.csv', '')).toEqual(['cases.csv: the file is empty'])
    expect(refusal('/home/ana/cases.csv', '')).toEqual(['cases.csv: the file is empty'])
  })

  it('refuses other file types and files without an extension', () => {
    expect(refusal('cases.xlsx', 'x')[0]).toBe(
      'cases.xlsx: cannot import a .xlsx file; use .csv, .tsv, .txt, .jsonl, .ndjson, .json, .yaml or .yml',
    )
    expect(refusal('README', 'x')[0]).toContain('README: cannot import a file without an extension; use .csv')
  })
})

describe('importDatasetFile', () => {
  it('returns the table, the mapping used and the cases', () => {
    const result = imported('c.csv', 'id,question\n1,a\n', { knownVariables: ['question'] })
    expect(result.mapping).toEqual({ id: { role: 'key' }, question: { role: 'var', name: 'question' } })
    expect(result.cases).toHaveLength(1)
    expect(result.excluded).toEqual([])
  })

  it('imports the good rows of a file with bad ones only when the bad rows are excluded', () => {
    const bytes = utf8('id,question\n1,a\n2,b,extra\n3,c\n')
    const refused = importDatasetFile({ fileName: 'c.csv', bytes })
    expect(refused.ok ? [] : refused.issues.map(formatIssue)).toEqual([
      'c.csv, row 2 (line 3): 3 fields where the header has 2',
    ])
    const accepted = importDatasetFile({ fileName: 'c.csv', bytes, excludeRows: [2] })
    expect(accepted.ok && accepted.cases.map((c) => c.key)).toEqual(['1', '3'])
    expect(accepted.excluded).toEqual([2])
  })
})

describe('formatIssue', () => {
  it('leaves out what the issue does not know', () => {
    expect(formatIssue({ file: 'a.csv', message: 'm' })).toBe('a.csv: m')
    expect(formatIssue({ file: 'a.csv', line: 3, message: 'm' })).toBe('a.csv, line 3: m')
    expect(formatIssue({ file: 'a.csv', row: 2, message: 'm' })).toBe('a.csv, row 2: m')
    expect(formatIssue({ file: 'a.csv', row: 12, line: 14, column: 'body', message: 'm' })).toBe(
      'a.csv, row 12 (line 14), column "body": m',
    )
  })
})
