import { describe, expect, it } from 'vitest'
import { imported, parseText, refusal } from './helpers'

describe('parseJsonl', () => {
  it('takes the union of keys as columns, first seen first, and skips blank lines', () => {
    const table = parseText('d.jsonl', '{"q":"a","id":1}\r\n\r\n{"lang":"en","q":"b"}\n   \n{"q":"c"}')
    expect(table).toMatchObject({ format: 'jsonl', layout: 'generic', columns: ['q', 'id', 'lang'] })
    expect(table.rows.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 3],
      [3, 5],
    ])
  })

  it('maps a generic file by name, keeping JSON types for expected fields', () => {
    const text =
      '{"id":"a","question":"Hi","expected_score":3,"expected_ok":true,"expected_meta":{"x":1},"tags":["t1"]}\n' +
      '{"id":"b","question":2,"expected_score":4.5,"expected_ok":false,"expected_meta":[1],"tags":"t2|t3"}\n'
    const result = imported('d.jsonl', text)
    expect(result.mapping).toMatchObject({
      expected_score: { role: 'expected', name: 'score', type: 'number' },
      expected_ok: { role: 'expected', name: 'ok', type: 'boolean' },
      expected_meta: { role: 'expected', name: 'meta', type: 'json' },
    })
    expect(result.cases).toEqual([
      {
        key: 'a',
        vars: { question: 'Hi' },
        expected: { score: 3, ok: true, meta: { x: 1 } },
        expectedOutput: null,
        tags: ['t1'],
        notes: '',
      },
      {
        key: 'b',
        vars: { question: '2' },
        expected: { score: 4.5, ok: false, meta: [1] },
        expectedOutput: null,
        tags: ['t2', 't3'],
        notes: '',
      },
    ])
  })

  it('recognises our export shape and maps it without a mapping step', () => {
    const table = parseText(
      'ours.jsonl',
      '{"key":"k","vars":{"q":""},"expectedOutput":"","tags":[],"notes":""}\n',
    )
    expect(table.layout).toBe('evallab')
    expect(imported('ours.jsonl', '{"key":"k","vars":{"q":""},"expectedOutput":""}\n').cases).toEqual([
      { key: 'k', vars: { q: '' }, expected: {}, expectedOutput: '', tags: [], notes: '' },
    ])
  })

  it('reads promptfoo-shaped lines as promptfoo tests', () => {
    const text =
      '{"vars":{"q":"a"},"assert":[{"type":"equals","value":"A"}]}\n{"vars":{"q":"b"},"description":"d"}\n'
    const result = imported('tests.jsonl', text)
    expect(result.table.layout).toBe('promptfoo')
    expect(result.cases.map((c) => [c.key, c.vars, c.expectedOutput, c.notes])).toEqual([
      ['row-0001', { q: 'a' }, 'A', ''],
      ['row-0002', { q: 'b' }, null, 'd'],
    ])
  })

  it('reports every bad line with its line number and reads the rest', () => {
    const table = parseText('m.jsonl', '{"q":"a"}\n[1]\n\n"text"\nnull\n{"q":\n{"q":"b"}\n')
    expect(table.rows.map((r) => r.row)).toEqual([1, 6])
    expect(table.issues.map((i) => [i.row, i.line, i.message.split(':')[0]])).toEqual([
      [2, 2, 'the line is a JSON array; expected an object'],
      [3, 4, 'the line is a JSON string; expected an object'],
      [4, 5, 'the line is JSON null; expected an object'],
      [5, 6, 'the line is not valid JSON'],
    ])
  })

  it('refuses a file where no line is a JSON object', () => {
    expect(refusal('x.ndjson', 'not json\n')).toEqual([
      `x.ndjson, row 1 (line 1): the line is not valid JSON: Unexpected token 'o', "not json" is not valid JSON`,
    ])
  })

  it('refuses an over-long string value, naming its column', () => {
    const long = 'z'.repeat(101)
    const issues = refusal('l.jsonl', `{"key":"a","vars":{"q":"${long}"}}\n`, {
      limits: { maxFieldChars: 100 },
    })
    expect(issues).toEqual([
      'l.jsonl, row 1 (line 1), column "vars": a value is 101 characters long; the limit is 100',
    ])
  })

  it('reads a .json file of JSON lines as JSON Lines', () => {
    expect(parseText('lines.json', '{"q":"a"}\n{"q":"b"}\n').format).toBe('jsonl')
  })
})
