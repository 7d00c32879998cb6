import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { allCases, base64, fingerprint, importAsNew } from './api-helpers'

const exact = join(import.meta.dirname, '../../../fixtures/datasets/exact')
const newHome = useTempHomes()
const withoutIds = <T extends { id: string }>(cases: T[]) => cases.map(({ id: _id, ...c }) => c)

const exportOf = (core: Core, datasetId: string, format: 'csv' | 'jsonl') =>
  call<{ fileName: string; content: string }>(core, 'datasets.export', { datasetId, format })

describe('CSV: a quoted empty cell is the empty string, an unquoted one is no value', () => {
  it('in a generic file (as R or csv-stringify write it), through importPreview + importCommit', async () => {
    const core = demoCore(newHome())
    const fileName = 'quoted-empty.csv'
    const contentBase64 = base64(readFileSync(join(exact, fileName)))
    const mapping = {
      id: { role: 'key' },
      question: { role: 'var', name: 'question' },
      answer: { role: 'expectedOutput' },
      category: { role: 'expected', name: 'category' },
      note: { role: 'notes' },
    }
    const preview = await call<{ firstRows: { values: unknown }[] }>(core, 'datasets.importPreview', {
      fileName,
      contentBase64,
      mapping,
    })
    expect(preview.firstRows[1]?.values).toEqual({
      id: 'q2',
      question: 'Cancel it',
      answer: 'Done.',
      category: null,
      note: '',
    })
    const detail = await call<{ dataset: { id: string } }>(core, 'datasets.importCommit', {
      fileName,
      contentBase64,
      mapping,
      target: { kind: 'new', name: 'R export' },
    })
    const cases = withoutIds(await allCases(core, detail.dataset.id))
    expect(cases.map((c) => [c.key, c.vars, c.expectedOutput, c.expected, c.notes])).toEqual([
      ['q1', { question: 'Where is my order?' }, '', { category: 'shipping' }, ''],
      ['q2', { question: 'Cancel it' }, 'Done.', {}, ''],
      ['q3', { question: '' }, 'Hello', { category: '' }, ' kept '],
    ])
    core.close()
  })

  it.each(['csv', 'jsonl'] as const)(
    'in our layout, and exported again as %s the round trip is exact',
    async (format) => {
      const core = demoCore(newHome())
      const text = readFileSync(join(exact, 'evallab-empty-vs-missing.csv'), 'utf8')
      const source = await importAsNew(core, 'evallab-empty-vs-missing.csv', text, 'Ours')
      const cases = withoutIds(await allCases(core, source.dataset.id))
      expect(cases.map((c) => [c.vars, c.expected, c.expectedOutput, c.tags, c.notes])).toEqual([
        [{ question: 'Where is my order?' }, { category: 'shipping' }, '', ['vip'], ''],
        [{ question: '', context: 'none' }, { category: '' }, null, [], ''],
      ])
      const exported = await exportOf(core, source.dataset.id, format)
      if (format === 'csv') expect(exported.content).toBe(`\uFEFF${text}`)
      const copy = await importAsNew(core, exported.fileName, exported.content, `Copy ${format}`)
      expect(withoutIds(await allCases(core, copy.dataset.id))).toEqual(cases)
      core.close()
    },
  )
})

describe('a value holding U+0000', () => {
  it('exports as JSONL and imports back; CSV export says why it cannot, naming case and column', async () => {
    const home = newHome()
    const core = demoCore(home, { seedDemo: false })
    const line = `{"key":"nul-1","vars":{"q":"before\\u0000after"},"expected":{},"expectedOutput":null,"tags":[],"notes":""}\n`
    const source = await importAsNew(core, 'nul.jsonl', line, 'NUL')
    const [stored] = await allCases(core, source.dataset.id)
    expect(stored?.vars).toEqual({ q: 'before\u0000after' })
    const jsonl = await exportOf(core, source.dataset.id, 'jsonl')
    expect(jsonl.content).toBe(line)
    const copy = await importAsNew(core, jsonl.fileName, jsonl.content, 'NUL copy')
    expect((await allCases(core, copy.dataset.id))[0]?.vars).toEqual({ q: 'before\u0000after' })
    const before = fingerprint(home)
    const error = await failure(core, 'datasets.export', { datasetId: source.dataset.id, format: 'csv' })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain('case "nul-1", column "vars.q"')
    expect(error.message).toContain('U+0000 (NUL)')
    expect(error.message).toContain('Export as JSONL instead')
    expect(fingerprint(home)).toEqual(before)
    core.close()
  })
})
