import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CsvExportError,
  toCsv,
  toJsonl,
  type ExportCase,
} from '../../../../../electron/main/core/datasets/files'
import { neutraliseFormula, restoreFormula } from '../../../../../electron/main/core/datasets/files/layout'
import { imported } from './helpers'

const base: ExportCase = { key: 'k', vars: {}, expected: {}, expectedOutput: null, tags: [], notes: '' }

describe('toCsv', () => {
  it('writes our layout with a BOM, CRLF line ends and quoted empty strings', () => {
    const csv = toCsv([
      {
        ...base,
        key: 'a',
        vars: { q: 'hello, "you"', lang: '' },
        expected: { label: 'x', n: 2 },
        tags: ['t1', 't2'],
      },
      { ...base, key: 'b', vars: { q: 'line\nbreak' }, expectedOutput: '', notes: 'n' },
    ])
    expect(csv).toBe(
      '\uFEFFkey,vars.q,vars.lang,expected.label,expected_json.n,expected_output,tags,notes\r\n' +
        'a,"hello, ""you""","",x,2,,t1|t2,""\r\n' +
        'b,"line\nbreak",,,,"","",n\r\n',
    )
  })

  it('neutralises formula cells for spreadsheets (OWASP CSV injection)', () => {
    const csv = toCsv(
      [{ ...base, key: '=k', vars: { a: '=1+1', b: '+1', c: '-1', d: '@SUM(A1)', e: '\tx', f: '\rx' } }],
      {
        bom: false,
      },
    )
    expect(csv.split('\r\n')[1]).toBe(`'=k,'=1+1,'+1,'-1,'@SUM(A1),'\tx,"'\rx",,"",""`)
  })

  it('writes tags as JSON when one contains the separator', () => {
    const csv = toCsv([{ ...base, vars: { q: 'x' }, tags: ['a|b', 'c'] }], { bom: false })
    expect(csv).toContain('tags_json')
    expect(csv).toContain('"[""a|b"",""c""]"')
  })

  it('never truncates', () => {
    const long = `start ${'é, "x"\n'.repeat(300_000)} end`
    const result = imported('big.csv', toCsv([{ ...base, vars: { body: long } }]), {
      limits: { maxFieldChars: 5_000_000 },
    })
    expect(result.cases[0]?.vars.body).toBe(long)
  })

  it('refuses names it could not read back the same', () => {
    expect(() => toCsv([{ ...base, vars: { Name: 'a', name: 'b' } }])).toThrow(CsvExportError)
    expect(() => toCsv([{ ...base, vars: { ' padded': 'a' } }])).toThrow(/blank or padded/)
  })
})

describe('toJsonl', () => {
  it('writes one object per line, fields in a fixed order, nested keys sorted, LF and a final line end', () => {
    const jsonl = toJsonl([
      { ...base, key: 'a', vars: { z: '1', a: '2' }, expected: { y: { b: 1, a: 2 } }, tags: ['t'] },
      { ...base, key: 'b', expectedOutput: 'x\r\ny', notes: 'n' },
    ])
    expect(jsonl).toBe(
      '{"key":"a","vars":{"a":"2","z":"1"},"expected":{"y":{"a":2,"b":1}},"expectedOutput":null,"tags":["t"],"notes":""}\n' +
        '{"key":"b","vars":{},"expected":{},"expectedOutput":"x\\r\\ny","tags":[],"notes":"n"}\n',
    )
  })

  it('writes nothing for no cases', () => {
    expect(toJsonl([])).toBe('')
  })
})

describe('formula prefix', () => {
  it.each([
    ['=1', "'=1"],
    ["'=1", "''=1"],
    ["'hello", "'hello"],
    ['plain', 'plain'],
    ['', ''],
    ["'", "'"],
    ['\uFF1D1', "'\uFF1D1"],
  ])('%j ↔ %j', (value, cell) => {
    expect(neutraliseFormula(value)).toBe(cell)
    expect(restoreFormula(cell)).toBe(value)
  })

  it('is reversible for every string', () => {
    const text = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ') })
    fc.assert(fc.property(text, (value) => restoreFormula(neutraliseFormula(value)) === value))
  })
})
