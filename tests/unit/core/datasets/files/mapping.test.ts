import { describe, expect, it } from 'vitest'
import {
  applyMapping,
  columnMappingSchema,
  formatIssue,
  suggestMapping,
  type ColumnMapping,
} from '../../../../../electron/main/core/datasets/files'
import { parseText } from './helpers'

const TICKETS = [
  'Case ID,customer_message,Segment,difficulty,expected_category,expected.priority,Tags,Notes,Channel,extra',
  'c1,Refund please,enterprise,hard,billing,1,refund; urgent,first,email,x',
  'c2,App crashes,smb,easy,bug,2,,,chat,y',
].join('\n')

describe('suggestMapping', () => {
  it('recognises keys, known variables, expected fields, tags, notes; other columns become vars', () => {
    const mapping = suggestMapping(parseText('t.csv', TICKETS), ['customer_message'])
    expect(mapping).toEqual({
      'Case ID': { role: 'key' },
      customer_message: { role: 'var', name: 'customer_message' },
      Segment: { role: 'tag', prefix: 'segment' },
      difficulty: { role: 'tag', prefix: 'difficulty' },
      expected_category: { role: 'expected', name: 'category' },
      'expected.priority': { role: 'expected', name: 'priority' },
      Tags: { role: 'tags', separator: ';' },
      Notes: { role: 'notes' },
      Channel: { role: 'tag', prefix: 'channel' },
      extra: { role: 'var', name: 'extra' },
    })
  })

  it('lets a known prompt variable win over a tag or notes name', () => {
    const mapping = suggestMapping(parseText('t.csv', 'language,description\nen,hello\n'), [
      'Language',
      'description',
    ])
    expect(mapping).toEqual({
      language: { role: 'var', name: 'Language' },
      description: { role: 'var', name: 'description' },
    })
  })

  it('gives a single-use role to the first column only', () => {
    const mapping = suggestMapping(parseText('t.csv', 'id,key,q,expected_output,expected\n1,2,3,4,5\n'))
    expect(mapping).toEqual({
      id: { role: 'key' },
      key: { role: 'var', name: 'key' },
      q: { role: 'var', name: 'q' },
      expected_output: { role: 'expectedOutput' },
      expected: { role: 'var', name: 'expected' },
    })
  })

  it('keeps a key column the prompt names as a variable too, so the key stays stable and {{id}} works', () => {
    const table = parseText('t.csv', 'id,question\nrq-1,Where is my refund?\n,Can I return a gift?\n')
    const mapping = suggestMapping(table, ['id', 'question', 'case.key'])
    expect(mapping).toEqual({
      id: { role: 'key', alsoVar: 'id' },
      question: { role: 'var', name: 'question' },
    })
    const { cases, issues } = applyMapping(table, mapping)
    expect(issues).toEqual([])
    // The variable is the key itself, a generated one included: the two never disagree.
    expect(cases.map((c) => [c.key, c.vars])).toEqual([
      ['rq-1', { question: 'Where is my refund?', id: 'rq-1' }],
      ['row-0002', { question: 'Can I return a gift?', id: 'row-0002' }],
    ])
    expect(suggestMapping(table, ['question', 'case.key'])).toEqual({
      id: { role: 'key' },
      question: { role: 'var', name: 'question' },
    })
  })

  it('refuses a key kept as a variable another column also sets', () => {
    const table = parseText('t.csv', 'id,ref\nrq-1,A-7\n')
    const { issues } = applyMapping(table, {
      id: { role: 'key', alsoVar: 'ref' },
      ref: { role: 'var', name: 'ref' },
    })
    expect(issues.map((i) => i.message)).toContain('columns "id", "ref" all set the variable "ref"')
  })

  it('produces a mapping the boundary schema accepts', () => {
    const mapping = suggestMapping(parseText('t.csv', TICKETS), ['customer_message'])
    expect(columnMappingSchema.parse(mapping)).toEqual(mapping)
  })
})

describe('columnMappingSchema', () => {
  it('rejects unknown roles, blank names and bad types', () => {
    expect(columnMappingSchema.safeParse({ a: { role: 'wat' } }).success).toBe(false)
    expect(columnMappingSchema.safeParse({ a: { role: 'var', name: '  ' } }).success).toBe(false)
    expect(columnMappingSchema.safeParse({ a: { role: 'expected', name: 'x', type: 'date' } }).success).toBe(
      false,
    )
    expect(columnMappingSchema.safeParse({ a: { role: 'tags', separator: '' } }).success).toBe(false)
  })

  it('trims names', () => {
    expect(columnMappingSchema.parse({ a: { role: 'var', name: ' q ' } })).toEqual({
      a: { role: 'var', name: 'q' },
    })
  })
})

describe('applyMapping', () => {
  const table = parseText(
    't.csv',
    'id,q,score,ok,meta,seg,tags\n1,a,3,yes,"{""x"":1}",smb,a|b\n2,,x,maybe,{,,\n,c,,,,,\n',
  )
  const mapping: ColumnMapping = {
    id: { role: 'key' },
    q: { role: 'var', name: 'question' },
    score: { role: 'expected', name: 'score', type: 'number' },
    ok: { role: 'expected', name: 'ok', type: 'boolean' },
    meta: { role: 'expected', name: 'meta', type: 'json' },
    seg: { role: 'tag', prefix: 'segment' },
    tags: { role: 'tags' },
  }

  it('is all-or-nothing: any issue means no cases', () => {
    const result = applyMapping(table, mapping)
    expect(result.cases).toEqual([])
    expect(result.issues.map(formatIssue)).toEqual([
      't.csv, row 2 (line 3), column "score": expected "score" must be a number; got "x"',
      't.csv, row 2 (line 3), column "ok": expected "ok" must be true or false; got "maybe"',
      `t.csv, row 2 (line 3), column "meta": expected "meta" is not valid JSON: Expected property name or '}' in JSON at position 1`,
    ])
  })

  it('imports the rest when the failing rows are excluded, and reports them as excluded', () => {
    const result = applyMapping(table, mapping, { excludeRows: [2, 99] })
    expect(result.issues).toEqual([])
    expect(result.excluded).toEqual([2])
    expect(result.cases).toEqual([
      {
        key: '1',
        vars: { question: 'a' },
        expected: { score: 3, ok: true, meta: { x: 1 } },
        expectedOutput: null,
        tags: ['segment:smb', 'a', 'b'],
        notes: '',
      },
      // No key: one made from the row number. An empty var cell is an empty string; empty expected cells add nothing.
      { key: 'row-0003', vars: { question: 'c' }, expected: {}, expectedOutput: null, tags: [], notes: '' },
    ])
  })

  it('names both rows of a duplicate key, including a generated one', () => {
    const dup = parseText('d.csv', 'id,q\nrow-0002,a\n,b\nx,c\nx,d\n')
    const issues = applyMapping(dup, suggestMapping(dup)).issues.map(formatIssue)
    expect(issues).toEqual([
      'd.csv, row 2 (line 3), column "id": duplicate key "row-0002": rows 1 and 2 both have it',
      'd.csv, row 4 (line 5), column "id": duplicate key "x": rows 3 and 4 both have it',
    ])
  })

  it('reports mapping problems without a row', () => {
    const result = applyMapping(table, {
      id: { role: 'key' },
      q: { role: 'key' },
      score: { role: 'var', name: 'n' },
      ok: { role: 'var', name: 'n' },
      missing: { role: 'notes' },
    })
    expect(result.issues.filter((i) => i.row === undefined).map(formatIssue)).toEqual([
      't.csv, column "missing": the mapping names a column the file does not have',
      't.csv: only one column can be the key: "id", "q"',
      't.csv: columns "score", "ok" all set the variable "n"',
    ])
  })

  it('refuses a mapping without variables', () => {
    const result = applyMapping(table, { id: { role: 'key' }, q: { role: 'ignore' } })
    expect(result.issues.map(formatIssue)).toEqual([
      't.csv: no column is mapped to a variable or a conversation; map at least one column to a prompt variable',
    ])
  })

  it('normalises tags: trimmed, no empty ones, each once', () => {
    const tagged = parseText('t.csv', 'q,tags,seg\na," x ,, x ,y",x\n')
    const result = applyMapping(tagged, {
      q: { role: 'var', name: 'q' },
      tags: { role: 'tags', separator: ',' },
      seg: { role: 'tag', prefix: '' },
    })
    expect(result.cases[0]?.tags).toEqual(['x', 'y'])
  })

  it('joins several notes columns and keeps their spaces', () => {
    const noted = parseText('n.csv', 'q,a,b\nx,"  one  ",two\n')
    const result = applyMapping(noted, {
      q: { role: 'var', name: 'q' },
      a: { role: 'notes' },
      b: { role: 'notes' },
    })
    expect(result.cases[0]?.notes).toBe('  one  \n\ntwo')
  })
})
