import { describe, expect, it } from 'vitest'
import { detectDelimiter } from '../../../../../electron/main/core/datasets/files/csv-sniff'
import { DEFAULT_LIMITS } from '../../../../../electron/main/core/datasets/files'
import { parseText, refusal } from './helpers'

describe('detectDelimiter', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n', ','],
    ['semicolon, with decimal commas', 'name;price\nfoo;1,5\nbar;2,5\n', ';'],
    ['tab', 'a\tb\n1\t2\n', '\t'],
    ['pipe', 'a|b|c\n1|2|3\n', '|'],
    ['comma, with semicolons inside quotes', 'a,b\n"x;y;z",2\n"p;q;r",3\n', ','],
    ['semicolon, with commas inside quotes', 'a;b\n"x,y,z";2\n', ';'],
  ])('finds the %s', (_, text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter)
  })

  it('prefers the most consistent split, then the widest', () => {
    expect(detectDelimiter('a,b;c;d\n1,2;3;4\n5,6;7\n')).toBe(',')
    expect(detectDelimiter('a;b;c,d\n1;2;3,4\n')).toBe(';')
  })

  it('prefers tabs for .tsv files when they split the file consistently', () => {
    const text = 'a,x\tb,y\n1,2\t3,4\n'
    expect(detectDelimiter(text)).toBe(',')
    expect(detectDelimiter(text, true)).toBe('\t')
  })

  it('accepts a single column', () => {
    expect(detectDelimiter('question\nWhat, exactly?\nWhy; how?\n')).toBe(',')
  })
})

describe('parseCsv', () => {
  it('reads a single-column file whose values contain commas', () => {
    const table = parseText('q.csv', 'question\n"What, exactly?"\nWhy; how?\n')
    expect(table.columns).toEqual(['question'])
    expect(table.rows.map((r) => r.values.question)).toEqual(['What, exactly?', 'Why; how?'])
  })

  it('numbers rows and lines through quoted line breaks, CRLF, blank lines and a missing final line end', () => {
    const text = 'id,body\r\n1,"one\r\ntwo\r\nthree"\r\n\r\n2,"x\ny"\r\n   \r\n3,last'
    const table = parseText('c.csv', text)
    expect(table.rows.map((r) => [r.row, r.line, r.values.body])).toEqual([
      [1, 2, 'one\r\ntwo\r\nthree'],
      [2, 6, 'x\ny'],
      [3, 9, 'last'],
    ])
  })

  it('reads classic Mac (CR) line ends', () => {
    const table = parseText('mac.csv', 'id,q\r1,a\r2,"b\rc"\r3,d\r')
    expect(table.rows.map((r) => [r.line, r.values.q])).toEqual([
      [2, 'a'],
      [3, 'b\rc'],
      [5, 'd'],
    ])
  })

  it('keeps formula-looking cells and leading quotes verbatim in a generic file', () => {
    const table = parseText('f.csv', "id,q\n1,=SUM(A1:A9)\n2,'=x\n3,@cmd\n4,-5\n5,+1\n")
    expect(table.layout).toBe('generic')
    expect(table.rows.map((r) => r.values.q)).toEqual(['=SUM(A1:A9)', "'=x", '@cmd', '-5', '+1'])
  })

  it('reads an unquoted empty cell as no value (null) and a quoted one as the empty string, in any file', () => {
    expect(parseText('e.csv', 'a,b,c\n,"",x\n').rows[0]?.values).toEqual({ a: null, b: '', c: 'x' })
    // Without any `""` in the file the parse skips the per-cell cast: empty cells are still null.
    expect(parseText('e.csv', 'a,b,c\n,,x\n').rows[0]?.values).toEqual({ a: null, b: null, c: 'x' })
  })

  it('tells an empty unquoted cell (null) from a quoted empty one in our layout', () => {
    const table = parseText('e.csv', 'key,vars.a,vars.b,expected_output,tags,notes\nk,,"",,"",\n')
    expect(table.rows[0]?.values).toEqual({
      key: 'k',
      'vars.a': null,
      'vars.b': '',
      expected_output: null,
      tags: '',
      notes: null,
    })
  })

  it('trims header names and keeps values as they are', () => {
    const table = parseText('t.csv', ' id , question \n1,  padded  \n')
    expect(table.columns).toEqual(['id', 'question'])
    expect(table.rows[0]?.values).toEqual({ id: '1', question: '  padded  ' })
  })

  it('recognises our export layout and removes the formula prefix only there', () => {
    const header = 'key,vars.q,expected_output,tags,notes\n'
    const table = parseText('ours.csv', `${header}a,'=1+1,'@x,'',''=y\n`)
    expect(table.layout).toBe('evallab')
    expect(table.rows[0]?.values).toEqual({
      key: 'a',
      'vars.q': '=1+1',
      expected_output: '@x',
      tags: "''",
      notes: "'=y",
    })
  })

  it('reports ragged rows and reads the others', () => {
    const table = parseText('r.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n')
    expect(table.rows.map((r) => r.row)).toEqual([1, 4])
    expect(table.issues).toEqual([
      { file: 'r.csv', row: 2, line: 3, message: '2 fields where the header has 3' },
      { file: 'r.csv', row: 3, line: 4, message: '4 fields where the header has 3' },
    ])
  })

  it('refuses a value over the default field limit, naming row and column', () => {
    const huge = 'x'.repeat(DEFAULT_LIMITS.maxFieldChars + 1)
    const issues = refusal('big.csv', `id,body\n1,ok\n2,"${huge}"\n`)
    expect(issues).toEqual([
      'big.csv, row 2 (line 3), column "body": the value is 4,194,305 characters long; the limit is 4,194,304',
    ])
  })

  it('accepts a value at the field limit', () => {
    const table = parseText('big.csv', `id,body\n1,${'y'.repeat(DEFAULT_LIMITS.maxFieldChars)}\n`)
    expect((table.rows[0]?.values.body as string).length).toBe(DEFAULT_LIMITS.maxFieldChars)
  })

  it('names every problem in the header at once', () => {
    const issues = refusal('h.csv', 'id,,Q,q,\n1,2,3,4,5\n')
    expect(issues).toEqual([
      'h.csv, line 1: column 2 of the header has no name',
      'h.csv, line 1, column "q": the header names "q" twice (columns 3 and 4); column names must be unique, ignoring case',
      'h.csv, line 1: column 5 of the header has no name',
    ])
  })

  it('starts at the first non-blank line', () => {
    const table = parseText('lead.csv', '\n\nid,q\n1,a\n')
    expect(table.rows[0]).toEqual({ row: 1, line: 4, values: { id: '1', q: 'a' } })
  })
})
