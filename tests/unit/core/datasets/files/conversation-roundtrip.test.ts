import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatIssue,
  importDatasetFile,
  toCsv,
  toJsonl,
  type ImportedCase,
} from '../../../../../electron/main/core/datasets/files'
import { conversationRoles } from '../../../../../shared/domain/conversation'
import { utf8 } from './helpers'

/** Text that breaks naive CSV, JSON-in-CSV and spreadsheets. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '',
        ',',
        '"',
        '""',
        '\n',
        '\r\n',
        '=SUM(A1)',
        '[',
        '{"a":1}',
        '\\',
        '\u2028',
        '😀',
        '{{name}}',
      ),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''))
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/)
const toolName = fc.stringMatching(/^[a-zA-Z0-9_-]{1,12}$/)
const turn = fc.record({ role: fc.constantFrom(...conversationRoles), content: text })
const toolResults = fc.dictionary(toolName, fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 })), {
  minKeys: 1,
  maxKeys: 3,
})

const chatCase = fc.record(
  {
    key: text.filter((k) => k.trim() !== ''),
    vars: fc.dictionary(name, text, { maxKeys: 2 }),
    expected: fc.dictionary(name, text, { maxKeys: 2 }),
    expectedOutput: fc.option(text, { nil: null }),
    tags: fc.constant<string[]>([]),
    notes: text,
    conversation: fc.array(turn, { minLength: 1, maxLength: 5 }),
    toolResults,
  },
  { requiredKeys: ['key', 'vars', 'expected', 'expectedOutput', 'tags', 'notes', 'conversation'] },
)
const plainCase = fc.record({
  key: text.filter((k) => k.trim() !== ''),
  vars: fc.dictionary(name, text, { minKeys: 1, maxKeys: 2 }),
  expected: fc.constant({}),
  expectedOutput: fc.constant(null),
  tags: fc.constant<string[]>([]),
  notes: fc.constant(''),
})
const datasets = fc.uniqueArray(fc.oneof(chatCase, plainCase), {
  selector: (c) => c.key,
  minLength: 1,
  maxLength: 5,
})

function reimport(fileName: string, content: string): ImportedCase[] {
  const result = importDatasetFile({ fileName, bytes: utf8(content) })
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'))
  expect(result.table.layout).toBe('evallab')
  return result.cases
}

describe('conversation cases: export → import round trip', () => {
  it('CSV gives back identical turns and canned tool results, and the same bytes again', () => {
    fc.assert(
      fc.property(datasets, (cases) => {
        const csv = toCsv(cases)
        const back = reimport('support.csv', csv)
        expect(back).toEqual(cases)
        expect(toCsv(back)).toBe(csv)
      }),
      { numRuns: 200 },
    )
  })

  it('JSONL gives back identical turns and canned tool results, and the same bytes again', () => {
    fc.assert(
      fc.property(datasets, (cases) => {
        const jsonl = toJsonl(cases)
        const back = reimport('support.jsonl', jsonl)
        expect(back).toEqual(cases)
        expect(toJsonl(back)).toBe(jsonl)
      }),
      { numRuns: 200 },
    )
  })

  it('writes the columns only when a case has them, so single-turn exports are unchanged', () => {
    const plain = { key: 'a', vars: { q: 'hi' }, expected: {}, expectedOutput: null, tags: [], notes: '' }
    expect(toCsv([plain], { bom: false }).split('\r\n')[0]).toBe('key,vars.q,expected_output,tags,notes')
    expect(toJsonl([plain])).toBe(
      '{"key":"a","vars":{"q":"hi"},"expected":{},"expectedOutput":null,"tags":[],"notes":""}\n',
    )
    const chat = {
      ...plain,
      conversation: [{ role: 'user' as const, content: 'Hi' }],
      toolResults: { find: 'x' },
    }
    expect(toCsv([plain, chat], { bom: false }).split('\r\n')).toEqual([
      'key,vars.q,conversation,tool_results,expected_output,tags,notes',
      'a,hi,,,,"",""',
      'a,hi,"[{""role"":""user"",""content"":""Hi""}]","{""find"":""x""}",,"",""',
      '',
    ])
    expect(toJsonl([chat])).toBe(
      '{"key":"a","vars":{"q":"hi"},"expected":{},"expectedOutput":null,"tags":[],"notes":"",' +
        '"messages":[{"content":"Hi","role":"user"}],"tool_results":{"find":"x"}}\n',
    )
  })
})
