import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  columnMappingSchema,
  formatIssue,
  importDatasetFile,
  parseDatasetFile,
  suggestMapping,
  type ColumnMapping,
  type ImportLimits,
} from '../../../../../electron/main/core/datasets/files'
import { imported } from './helpers'

const root = join(import.meta.dirname, '../../../../fixtures/datasets')
const malformedDir = join(root, 'malformed')
const goodDir = join(root, 'good')

interface Expectation {
  about: string
  contains: string[]
  mapping?: Record<string, unknown>
  limits?: Partial<ImportLimits>
}

const expected = JSON.parse(readFileSync(join(malformedDir, 'expected.json'), 'utf8')) as Record<
  string,
  Expectation
>
const malformed = readdirSync(malformedDir).filter((name) => name !== 'expected.json')

/** The suggested mapping with the fixture's roles on top: what the user picked in the UI. */
function mappingFor(name: string, bytes: Uint8Array, e: Expectation): ColumnMapping | undefined {
  if (!e.mapping) return undefined
  const parsed = parseDatasetFile({ fileName: name, bytes, limits: e.limits })
  if (!parsed.ok) return undefined
  return { ...suggestMapping(parsed.table), ...columnMappingSchema.parse(e.mapping) }
}

describe('malformed dataset corpus', () => {
  it('has at least 32 files, each paired with its expected error', () => {
    expect(malformed.length).toBeGreaterThanOrEqual(32)
    expect(malformed.toSorted()).toEqual(Object.keys(expected).toSorted())
  })

  it.each(malformed)('%s is refused with a clear error', (name) => {
    const e = expected[name]
    if (!e) throw new Error(`no expectation for ${name}`)
    const bytes = new Uint8Array(readFileSync(join(malformedDir, name)))
    const result = importDatasetFile({
      fileName: name,
      bytes,
      limits: e.limits,
      mapping: mappingFor(name, bytes, e),
    })
    expect(result.ok).toBe(false)
    const issues = result.ok ? [] : result.issues.map(formatIssue)
    expect(issues.length).toBeGreaterThan(0)
    for (const issue of issues)
      expect(issue.startsWith(`${name}:`) || issue.startsWith(`${name},`)).toBe(true)
    for (const part of e.contains) expect(issues.join('\n')).toContain(part)
  })
})

function good(name: string, knownVariables: string[] = []) {
  return imported(name, new Uint8Array(readFileSync(join(goodDir, name))), { knownVariables })
}

describe('good dataset fixtures', () => {
  it('reads a CSV with a BOM, semicolons, a multi-line quoted field and a formula cell', () => {
    const result = good('support-semicolons-bom.csv', ['customer_message'])
    expect(result.table).toMatchObject({ format: 'csv', layout: 'generic' })
    expect(result.cases).toEqual([
      {
        key: 't-001',
        vars: { customer_message: 'My invoice shows two charges; please refund one.\r\nThanks, Ana' },
        expected: { category: 'billing' },
        expectedOutput: null,
        tags: ['segment:enterprise', 'difficulty:easy', 'refund', 'urgent'],
        notes: '',
      },
      {
        key: 't-002',
        vars: { customer_message: 'The export button says "error 500"' },
        expected: { category: 'bug' },
        expectedOutput: null,
        tags: ['segment:smb', 'difficulty:hard'],
        notes: 'Reported twice',
      },
      {
        key: 't-003',
        vars: { customer_message: '=HYPERLINK("http://example.com")' },
        expected: { category: 'security' },
        expectedOutput: null,
        tags: ['segment:smb', 'difficulty:medium', 'injection'],
        notes: 'Formula kept as text',
      },
    ])
  })

  it('reads a TSV', () => {
    const result = good('questions.tsv')
    expect(result.cases.map((c) => [c.key, c.vars.question, c.expectedOutput, c.tags])).toEqual([
      ['1', 'What is the capital of France?', 'Paris', ['lang:en']],
      ['2', 'Wie spät ist es?', null, ['lang:de']],
      ['3', 'A value, with a comma', 'yes', ['lang:en']],
    ])
  })

  const ours = [
    {
      key: 'refund-1',
      vars: { message: 'I want my money back', product: 'Pro' },
      expected: { category: 'billing', priority: 2 },
      expectedOutput: null,
      tags: ['segment:enterprise', 'refund'],
      notes: '',
    },
    {
      key: 'bug-7',
      vars: { message: '', product: 'Free' },
      expected: {},
      expectedOutput: '',
      tags: [],
      notes: 'Empty message on purpose',
    },
  ]

  it('maps our JSONL export directly', () => {
    const result = good('evallab-export.jsonl')
    expect(result.table.layout).toBe('evallab')
    expect(result.cases).toEqual([
      ...ours,
      {
        key: 'formula',
        vars: { message: '=1+1', product: '@cmd' },
        expected: { labels: ['a', 'b'] },
        expectedOutput: '-5',
        tags: ['difficulty:hard'],
        notes: 'line one\nline two',
      },
    ])
  })

  it('maps our CSV export directly, removing the formula prefix', () => {
    const result = good('evallab-export.csv')
    expect(result.table.layout).toBe('evallab')
    expect(result.cases).toEqual([
      ...ours,
      {
        key: 'formula',
        vars: { message: '=1+1', product: '@cmd' },
        expected: {},
        expectedOutput: '-5',
        tags: ['difficulty:hard'],
        notes: 'line one\nline two',
      },
      {
        key: 'quote',
        vars: { message: "'=not a formula", product: "'plain quote" },
        expected: {},
        expectedOutput: null,
        tags: [],
        notes: '',
      },
    ])
  })

  it('reads promptfoo YAML tests', () => {
    const result = good('promptfoo-tests.yaml')
    expect(result.cases).toEqual([
      {
        key: 'row-0001',
        vars: { message: 'I was charged twice this month.', channel: 'email', priority: '2' },
        expected: {
          assertions: [
            { type: 'equals', value: 'billing' },
            { type: 'icontains', value: 'refund' },
          ],
        },
        expectedOutput: 'billing',
        tags: ['segment:enterprise', 'difficulty:easy'],
        notes: 'Refund request from an enterprise customer',
      },
      {
        key: 'row-0002',
        vars: {
          message: 'The app crashes when I open settings.\nVersion 4.2.1\n',
          channel: 'chat',
          priority: '1',
        },
        expected: { assertions: [{ type: 'contains', value: 'bug' }, { type: 'is-json' }] },
        expectedOutput: null,
        tags: [],
        notes: '',
      },
    ])
    expect(result.table.rows.map((r) => r.line)).toEqual([2, 16])
  })

  it('reads a promptfoo JSON config with defaultTest', () => {
    const result = good('promptfoo-config.json')
    expect(result.cases).toEqual([
      {
        key: 'row-0001',
        vars: { channel: 'web', message: 'Where is my order?' },
        expected: { assertions: [{ type: 'is-json' }, { type: 'equals', value: 'shipping' }] },
        expectedOutput: 'shipping',
        tags: ['lang:en', 'vip', 'returning'],
        notes: '',
      },
      {
        key: 'row-0002',
        vars: { channel: 'whatsapp', message: '¿Dónde está mi pedido?', urgent: 'true' },
        expected: { assertions: [{ type: 'is-json' }] },
        expectedOutput: null,
        tags: [],
        notes: 'Overrides the default channel',
      },
    ])
  })
})
