import { describe, expect, it } from 'vitest'
import { imported, parseText, refusal } from './helpers'
import { suggestMapping } from '../../../../../electron/main/core/datasets/files'

const line = (value: unknown): string => JSON.stringify(value)
const turns = [
  { role: 'system', content: 'You route tickets for Acme.' },
  { role: 'user', content: 'My invoice for {{month}} is wrong.' },
  { role: 'assistant', content: 'Which invoice number?' },
]

describe('conversation cases in JSON Lines', () => {
  it('reads a `messages` field as the turns and `tool_results` as the canned results, with no vars needed', () => {
    const text = [
      line({ id: 'inv-1', messages: turns, tool_results: { lookup_invoice: ['{"total": 12}', 'none'] } }),
      line({ id: 'inv-2', messages: [{ role: 'user', content: 'Hello' }], expected_queue: 'billing' }),
    ].join('\n')
    const { cases, mapping } = imported('tickets.jsonl', text)
    expect(mapping.messages).toEqual({ role: 'conversation' })
    expect(mapping.tool_results).toEqual({ role: 'toolResults' })
    expect(cases[0]).toEqual({
      key: 'inv-1',
      vars: {},
      expected: {},
      expectedOutput: null,
      tags: [],
      notes: '',
      conversation: turns,
      toolResults: { lookup_invoice: ['{"total": 12}', 'none'] },
    })
    expect(cases[1]).toMatchObject({ key: 'inv-2', expected: { queue: 'billing' } })
    expect(cases[1] && 'toolResults' in cases[1]).toBe(false)
  })

  it('names the file, row and turn of a turn with an unknown role, and imports nothing', () => {
    const rows = Array.from({ length: 6 }, (_, i) => line({ vars: { q: `q${i}` }, messages: turns }))
    rows.push(
      line({ vars: { q: 'q7' }, messages: [...turns.slice(0, 2), { role: 'robot', content: 'beep' }] }),
    )
    expect(refusal('cases.jsonl', rows.join('\n'))).toEqual([
      'cases.jsonl, row 7 (line 7), column "messages", turn 3: role "robot" is not one of system, user, assistant',
    ])
  })

  it('explains each kind of bad turn and bad tool results', () => {
    const bad = [
      [{ role: 'user' }],
      [{ content: 'hi' }],
      [{ role: 'user', content: 7 }],
      ['hello'],
      [{ role: 'tool', content: 'x' }],
      [{ role: 'assistant', content: '', tool_calls: [] }],
      [{ role: 'user', content: 'hi', name: 'dana' }],
      { role: 'user', content: 'hi' },
    ]
    const text = bad.map((messages, i) => line({ vars: { q: String(i) }, messages })).join('\n')
    expect(refusal('bad.jsonl', text)).toEqual([
      'bad.jsonl, row 1 (line 1), column "messages", turn 1: the turn has no content',
      'bad.jsonl, row 2 (line 2), column "messages", turn 1: the turn has no role; expected one of system, user, assistant',
      'bad.jsonl, row 3 (line 3), column "messages", turn 1: content is a number; expected text',
      'bad.jsonl, row 4 (line 4), column "messages", turn 1: the turn is a string; expected an object with role and content',
      'bad.jsonl, row 5 (line 5), column "messages", turn 1: role "tool" is not one of system, user, assistant ' +
        "(canned tool results go in the case's tool results)",
      'bad.jsonl, row 6 (line 6), column "messages", turn 1: the turn has tool calls; a case\'s turns are text ' +
        '(the tool calls a model makes are what a run records)',
      'bad.jsonl, row 7 (line 7), column "messages", turn 1: the turn has a field "name"; a turn holds only role and content',
      'bad.jsonl, row 8 (line 8), column "messages": the conversation is an object; expected a list of turns like ' +
        '[{"role": "user", "content": "..."}]',
    ])
    const tools = [{ 'get weather': 'x' }, { find: 3 }, { find: [] }, { find: ['a', { b: 1 }] }, ['x']]
    const toolText = tools.map((r, i) => line({ vars: { q: String(i) }, tool_results: r })).join('\n')
    expect(refusal('tools.jsonl', toolText)).toEqual([
      'tools.jsonl, row 1 (line 1), column "tool_results": "get weather" is not a tool name (1–64 letters, digits, _ or -)',
      'tools.jsonl, row 2 (line 2), column "tool_results": the result of tool "find" is a number; expected text ' +
        'or a list of texts (write JSON as a string)',
      'tools.jsonl, row 3 (line 3), column "tool_results": the results of tool "find" are an empty list; give at least one',
      'tools.jsonl, row 4 (line 4), column "tool_results": result 2 of tool "find" is an object; expected text ' +
        '(write JSON as a string)',
      'tools.jsonl, row 5 (line 5), column "tool_results": the tool results are a list; expected an object of ' +
        'tool name → result text',
    ])
  })

  it('reads an empty list of turns as no conversation', () => {
    const { cases } = imported('t.jsonl', line({ vars: { q: 'a' }, messages: [] }))
    expect(cases[0] && 'conversation' in cases[0]).toBe(false)
  })
})

describe('conversation cases in CSV', () => {
  const csv = [
    'ticket,history,canned,queue',
    `t-1,"${JSON.stringify(turns).replaceAll('"', '""')}","{""lookup_invoice"": ""paid""}",billing`,
    't-2,,,sales',
  ].join('\n')

  it('takes a column holding JSON as the conversation when the mapping says so', () => {
    const table = parseText('chats.csv', csv)
    expect(suggestMapping(table).history).toEqual({ role: 'conversation' })
    const { cases } = imported('chats.csv', csv, {
      mapping: {
        ticket: { role: 'key' },
        history: { role: 'conversation' },
        canned: { role: 'toolResults' },
        queue: { role: 'var', name: 'queue' },
      },
    })
    expect(cases[0]).toMatchObject({
      key: 't-1',
      conversation: turns,
      toolResults: { lookup_invoice: 'paid' },
    })
    expect(cases[1]).toEqual({
      key: 't-2',
      vars: { queue: 'sales' },
      expected: {},
      expectedOutput: null,
      tags: [],
      notes: '',
    })
  })

  it('refuses a conversation cell that is not JSON, naming row and column', () => {
    const broken = 'ticket,history\nt-1,"[{""role"": ""user"", ""content"": ""hi""}"\n'
    const issues = refusal('chats.csv', broken, {
      mapping: { ticket: { role: 'key' }, history: { role: 'conversation' } },
    })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatch(
      /^chats\.csv, row 1 \(line 2\), column "history": the conversation is not valid JSON: /,
    )
  })

  it('keeps a plain-text history column a variable', () => {
    const table = parseText('notes.csv', 'id,history\n1,called twice last week\n')
    expect(suggestMapping(table).history).toEqual({ role: 'var', name: 'history' })
  })
})

describe('promptfoo tests with vars._conversation', () => {
  it('turns each {input, output} exchange into a user and an assistant turn', () => {
    const yaml = [
      'tests:',
      '  - vars:',
      '      question: Can I get a refund?',
      '      _conversation:',
      '        - input: I bought a kettle',
      '          output: Thanks, which order?',
      '        - input: Order 42',
      '          output: Found it.',
      '    assert:',
      '      - type: equals',
      '        value: Yes',
      '  - vars:',
      '      question: Hi',
    ].join('\n')
    const { cases } = imported('promptfooconfig.yaml', yaml)
    expect(cases[0]).toMatchObject({
      vars: { question: 'Can I get a refund?' },
      expectedOutput: 'Yes',
      conversation: [
        { role: 'user', content: 'I bought a kettle' },
        { role: 'assistant', content: 'Thanks, which order?' },
        { role: 'user', content: 'Order 42' },
        { role: 'assistant', content: 'Found it.' },
      ],
    })
    expect(cases[1] && 'conversation' in cases[1]).toBe(false)
  })

  it('names the test and the exchange or turn that is wrong', () => {
    const yaml = [
      'tests:',
      '  - vars:',
      '      q: a',
      '      _conversation:',
      '        - input: hi',
      '          output: 3',
      '  - vars:',
      '      q: b',
      '      _conversation:',
      '        - role: robot',
      '          content: beep',
    ].join('\n')
    expect(refusal('promptfooconfig.yaml', yaml)).toEqual([
      'promptfooconfig.yaml, row 1 (line 2), column "vars._conversation": exchange 1: the output is a number; expected text',
      'promptfooconfig.yaml, row 2 (line 7), column "vars._conversation", turn 1: role "robot" is not one of ' +
        'system, user, assistant',
    ])
  })
})
