import { describe, expect, it } from 'vitest'
import { imported, parseText, refusal } from './helpers'

describe('parsePromptfoo', () => {
  it('maps vars, the first equals → expected output, every assertion → expected.assertions, metadata → tags', () => {
    const yaml = [
      '- description: Refund',
      '  vars: { message: "hi", n: 3, ok: true, none: null }',
      '  assert:',
      '    - type: equals',
      '      value: billing',
      '    - type: equals',
      '      value: second equals is kept as an assertion',
      '    - type: regex',
      '      value: "^b"',
      '      weight: 2',
      '  metadata: { segment: smb, tags: [vip, new], level: 2 }',
    ].join('\n')
    expect(imported('t.yaml', yaml).cases).toEqual([
      {
        key: 'row-0001',
        vars: { message: 'hi', n: '3', ok: 'true', none: '' },
        expected: {
          assertions: [
            { type: 'equals', value: 'billing' },
            { type: 'equals', value: 'second equals is kept as an assertion' },
            { type: 'regex', value: '^b', weight: 2 },
          ],
        },
        expectedOutput: 'billing',
        tags: ['segment:smb', 'vip', 'new', 'level:2'],
        notes: 'Refund',
      },
    ])
  })

  it('accepts { tests } with defaultTest vars and assertions, each test overriding them', () => {
    const json = JSON.stringify({
      defaultTest: { vars: { tone: 'formal', lang: 'en' }, assert: [{ type: 'is-json' }] },
      tests: [{ vars: { q: 'a', lang: 'de' } }],
    })
    expect(imported('config.json', json).cases[0]).toMatchObject({
      vars: { tone: 'formal', lang: 'de', q: 'a' },
      expected: { assertions: [{ type: 'is-json' }] },
    })
  })

  it('accepts tests without vars of their own when defaultTest gives them', () => {
    const yaml = 'defaultTest:\n  vars: { q: shared }\ntests:\n  - assert: [{ type: contains, value: x }]\n'
    expect(imported('t.yaml', yaml).cases[0]?.vars).toEqual({ q: 'shared' })
  })

  it('reads a .json list of plain rows as rows, as JSON Lines would', () => {
    const table = parseText('rows.json', '[{"question": "a"}]')
    expect(table).toMatchObject({ layout: 'generic', columns: ['question'] })
    expect(table.rows[0]).toEqual({ row: 1, line: 1, values: { question: 'a' } })
  })

  it('gives each test the line it starts on', () => {
    const table = parseText('t.yml', '# tests\n- vars: { q: a }\n\n- vars:\n    q: b\n')
    expect(table.rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 4],
    ])
    const json = parseText('t.json', '[\n  {"vars": {"q": "a"}},\n  {"vars": {"q": "b"}}\n]')
    expect(json.rows.map((r) => r.line)).toEqual([2, 3])
  })

  it('needs no mapping step', () => {
    const table = parseText('t.yaml', '- vars: { q: a }\n')
    expect(table).toMatchObject({ format: 'promptfoo', layout: 'promptfoo' })
  })

  it('reports a wrongly typed test and keeps the others', () => {
    const table = parseText('t.yaml', '- vars: { q: a }\n- just text\n- vars: { q: [1, 2] }\n')
    expect(table.rows.map((r) => r.row)).toEqual([1])
    expect(table.issues.map((i) => [i.row, i.line, i.column, i.message])).toEqual([
      [2, 2, undefined, 'the test is a string; expected an object with vars'],
      [
        3,
        3,
        'vars.q',
        'wrong type: var "q" is a list (promptfoo expands lists into several tests); Eval Lab needs one text value',
      ],
    ])
  })

  it('refuses vars loaded from a file and a bad defaultTest', () => {
    expect(refusal('t.yaml', '- vars: file://vars.yaml\n')).toEqual([
      't.yaml, row 1 (line 1), column "vars": vars is a file reference (file://vars.yaml); Eval Lab does not ' +
        'read files named inside an imported file: paste the content into the test, or import with "keep ' +
        'file:// references as text"',
    ])
    expect(refusal('t.yaml', '- vars: file://vars.yaml\n', { fileReferences: 'asText' })).toEqual([
      't.yaml, row 1 (line 1), column "vars": vars is a string; expected an object (vars loaded from a file are not supported)',
    ])
    expect(refusal('t.yaml', 'defaultTest: { vars: [1] }\ntests:\n  - vars: { q: a }\n')).toEqual([
      't.yaml: defaultTest.vars is a list; expected an object',
    ])
  })

  it('refuses a file with no tests', () => {
    expect(refusal('t.yaml', 'tests: []\n')).toEqual(['t.yaml: the file has no tests'])
  })

  it('refuses JSON that YAML would accept', () => {
    expect(refusal('t.json', "[{ vars: { q: 'a' } }]")[0]).toContain(
      't.json, line 1: the JSON is not valid: ',
    )
  })

  it("keeps each test's threshold, the defaultTest's when the test has none", () => {
    const yaml = [
      'defaultTest:',
      '  threshold: 0.5',
      '  assert: [{ type: contains, value: order }]',
      'tests:',
      '  - vars: { q: a }',
      '    threshold: 0',
      '  - vars: { q: b }',
    ].join('\n')
    expect(imported('t.yaml', yaml).cases.map((c) => c.expected)).toEqual([
      { assertions: [{ type: 'contains', value: 'order' }], assertions_threshold: 0 },
      { assertions: [{ type: 'contains', value: 'order' }], assertions_threshold: 0.5 },
    ])
  })

  it('refuses a threshold that is not a number, naming the row', () => {
    const yaml = '- vars: { q: a }\n  threshold: high\n  assert: [{ type: contains, value: x }]\n'
    expect(refusal('t.yaml', yaml)[0]).toContain('threshold is')
  })
})
