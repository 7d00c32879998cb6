import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetDetail } from '../../../../shared/domain/datasets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { allCases, base64, demoDataset, fingerprint, importAsNew, type ImportResult } from './api-helpers'

const fixtures = join(import.meta.dirname, '../../../fixtures/datasets')
const malformedDir = join(fixtures, 'malformed')

interface Expectation {
  contains: string[]
  mapping?: Record<string, unknown>
  limits?: { maxFileBytes?: number; maxFieldChars?: number }
}

const expected = JSON.parse(readFileSync(join(malformedDir, 'expected.json'), 'utf8')) as Record<
  string,
  Expectation
>
const malformed = readdirSync(malformedDir).filter((name) => name !== 'expected.json')

/** What the import UI would send: the preview's mapping with the fixture's roles on top, or none at all. */
async function mappingFor(core: Core, fileName: string, contentBase64: string, e: Expectation) {
  const preview = await core.dispatch('datasets.importPreview', { fileName, contentBase64 })
  const suggested = preview.ok ? (preview.value as { mapping: Record<string, unknown> }).mapping : {}
  return { ...suggested, ...e.mapping }
}

describe('datasets.importCommit refuses every malformed file and writes nothing', () => {
  let home = ''
  let shared: Core
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'evallab-corpus-'))
    shared = demoCore(home)
  })
  afterAll(() => {
    shared.close()
    rmSync(home, { recursive: true, force: true })
  })

  it('covers at least 30 files', () => {
    expect(malformed.length).toBeGreaterThanOrEqual(30)
  })

  it.each(malformed)('%s', async (name) => {
    const e = expected[name]
    if (!e) throw new Error(`no expectation for ${name}`)
    // The size fixtures need lower limits than the defaults: they get a workspace of their own.
    const ownHome = e.limits ? mkdtempSync(join(tmpdir(), 'evallab-limits-')) : null
    const core = ownHome ? demoCore(ownHome, { importLimits: e.limits }) : shared
    try {
      const where = ownHome ?? home
      const before = fingerprint(where)
      const contentBase64 = base64(readFileSync(join(malformedDir, name)))
      const error = await failure(core, 'datasets.importCommit', {
        fileName: name,
        contentBase64,
        mapping: await mappingFor(core, name, contentBase64, e),
        target: { kind: 'new', name: `Imported ${name}` },
      })
      expect(error.code).toBe(e.limits ? 'LIMIT_EXCEEDED' : 'INVALID_INPUT')
      expect(error.message).toContain(name)
      for (const part of e.contains) expect(error.message).toContain(part)
      expect(error.message).toContain('Nothing was imported')
      expect((error.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0)
      expect(fingerprint(where)).toEqual(before)
    } finally {
      if (ownHome) {
        core.close()
        rmSync(ownHome, { recursive: true, force: true })
      }
    }
  })
})

const newHome = useTempHomes()

const tickets = [
  'id,question,segment,expected_category,notes',
  't-1,Where is my order?,smb,shipping,',
  't-2,I was charged twice,enterprise,billing,Refund case',
  't-3,The app crashes,smb,bug,',
].join('\n')

describe('datasets.importCommit', () => {
  it('creates a dataset from a CSV with the user’s mapping, and records the import', async () => {
    const home = newHome()
    const core = demoCore(home)
    const result = await importAsNew(core, 'tickets.csv', tickets, 'Tickets', {
      question: { role: 'var', name: 'customer_message' },
    })
    expect(result.dataset).toMatchObject({ name: 'Tickets', caseCount: 3, snapshotCount: 0, parentId: null })
    expect(result.dataset.tagCounts).toEqual({ 'segment:enterprise': 1, 'segment:smb': 2 })
    expect(result.changedSinceSnapshot).toBe(true)
    expect(result.imported).toEqual({
      fileName: 'tickets.csv',
      added: 3,
      updated: 0,
      unchanged: 0,
      removed: 0,
      excludedRows: [],
    })
    const cases = await allCases(core, result.dataset.id)
    expect(cases[1]).toMatchObject({
      key: 't-2',
      vars: { customer_message: 'I was charged twice' },
      expected: { category: 'billing' },
      tags: ['segment:enterprise'],
      notes: 'Refund case',
    })
    const db = fingerprint(home)
    // The demo's two datasets (triage golden set, routing chats) and the imported one.
    expect(db.counts).toMatchObject({ datasets: 3 })
    core.close()
  })

  it('reads a good fixture with a BOM, semicolons and a formula cell, keeping the formula as text', async () => {
    const core = demoCore(newHome())
    const bytes = readFileSync(join(fixtures, 'good/support-semicolons-bom.csv'))
    const result = await importAsNew(core, 'support.csv', bytes, 'Support')
    const cases = await allCases(core, result.dataset.id)
    expect(cases.map((c) => c.key)).toEqual(['t-001', 't-002', 't-003'])
    expect(cases[2]?.vars.customer_message).toBe('=HYPERLINK("http://example.com")')
    const exported = await call<{ content: string }>(core, 'datasets.export', {
      datasetId: result.dataset.id,
      format: 'csv',
    })
    expect(exported.content).toContain(`"'=HYPERLINK(""http://example.com"")"`)
    core.close()
  })

  it('refuses a file with a bad row naming row and column; excluding the row imports the rest', async () => {
    const home = newHome()
    const core = demoCore(home)
    const csv = 'id,question,expected_score\nq1,Hello,1\nq2,Bye,lots\nq3,Again,3\n'
    const input = {
      fileName: 'scores.csv',
      contentBase64: base64(csv),
      mapping: {
        id: { role: 'key' },
        question: { role: 'var', name: 'question' },
        expected_score: { role: 'expected', name: 'score', type: 'number' },
      },
      target: { kind: 'new', name: 'Scores' },
    }
    const before = fingerprint(home)
    const error = await failure(core, 'datasets.importCommit', input)
    expect(error.message).toContain('scores.csv, row 2 (line 3), column "expected_score"')
    expect(fingerprint(home)).toEqual(before)
    const result = await call<ImportResult>(core, 'datasets.importCommit', { ...input, excludeRows: [2] })
    expect(result.imported).toMatchObject({ added: 2, excludedRows: [2] })
    expect((await allCases(core, result.dataset.id)).map((c) => [c.key, c.expected])).toEqual([
      ['q1', { score: 1 }],
      ['q3', { score: 3 }],
    ])
    const error2 = await failure(core, 'datasets.importCommit', {
      ...input,
      excludeRows: [1, 2, 3],
      target: { kind: 'new', name: 'Nothing' },
    })
    expect(error2.message).toContain('every row was excluded')
    core.close()
  })

  it('refuses a taken name with CONFLICT and invalid base64 with INVALID_INPUT', async () => {
    const home = newHome()
    const core = demoCore(home)
    const demo = await demoDataset(core)
    const before = fingerprint(home)
    const taken = await failure(core, 'datasets.importCommit', {
      fileName: 'tickets.csv',
      contentBase64: base64(tickets),
      mapping: { id: { role: 'key' }, question: { role: 'var', name: 'q' } },
      target: { kind: 'new', name: demo.name.toUpperCase() },
    })
    expect(taken.code).toBe('CONFLICT')
    const garbled = await failure(core, 'datasets.importPreview', {
      fileName: 'x.csv',
      contentBase64: 'ab$c',
    })
    expect(garbled).toMatchObject({ code: 'INVALID_INPUT' })
    expect(garbled.message).toContain('base64')
    expect(fingerprint(home)).toEqual(before)
    core.close()
  })
})

describe('importing into an existing dataset', () => {
  const mapping = {
    id: { role: 'key' },
    question: { role: 'var', name: 'question' },
    notes: { role: 'notes' },
  }
  const commit = (core: Core, datasetId: string, mode: string, csv: string) =>
    core.dispatch('datasets.importCommit', {
      fileName: 'more.csv',
      contentBase64: base64(csv),
      mapping,
      target: { kind: 'existing', datasetId, mode },
    })

  async function start(core: Core): Promise<DatasetDetail> {
    const first = await importAsNew(core, 'base.csv', 'id,question,notes\na,One,\nb,Two,\nc,Three,\n', 'Base')
    await call(core, 'datasets.snapshot', { datasetId: first.dataset.id, message: 'v1' })
    return first
  }

  it('appends new keys at the end, and refuses keys the dataset already has, naming them', async () => {
    const home = newHome()
    const core = demoCore(home)
    const { dataset } = await start(core)
    const before = fingerprint(home)
    const clash = await commit(core, dataset.id, 'append', 'id,question,notes\nd,Four,\nb,Again,\nc,Again,\n')
    expect(clash.ok).toBe(false)
    if (clash.ok) return
    expect(clash.error.code).toBe('INVALID_INPUT')
    expect(clash.error.message).toContain('2 keys are already in "Base": "b", "c"')
    expect(fingerprint(home)).toEqual(before)
    expect((await commit(core, dataset.id, 'append', 'id,question,notes\nd,Four,\ne,Five,\n')).ok).toBe(true)
    expect((await allCases(core, dataset.id)).map((c) => c.key)).toEqual(['a', 'b', 'c', 'd', 'e'])
    core.close()
  })

  it('numbers appended cases on when the file has no key column', async () => {
    const core = demoCore(newHome())
    const { dataset } = await call<DatasetDetail>(core, 'datasets.create', { name: 'Keyless' })
    const keyless = (csv: string) =>
      call(core, 'datasets.importCommit', {
        fileName: 'questions.csv',
        contentBase64: base64(csv),
        mapping: { question: { role: 'var', name: 'question' } },
        target: { kind: 'existing', datasetId: dataset.id, mode: 'append' },
      })
    await keyless('question\nOne\nTwo\n')
    await keyless('question\nThree\n')
    expect((await allCases(core, dataset.id)).map((c) => [c.key, c.vars.question])).toEqual([
      ['row-0001', 'One'],
      ['row-0002', 'Two'],
      ['row-0003', 'Three'],
    ])
    core.close()
  })

  it('replaces the working copy in file order, keeping the id of every case whose key stays', async () => {
    const core = demoCore(newHome())
    const { dataset } = await start(core)
    const ids = new Map((await allCases(core, dataset.id)).map((c) => [c.key, c.id]))
    const result = await commit(
      core,
      dataset.id,
      'replace',
      'id,question,notes\nc,Three,\nd,Four,\na,One!,edited\n',
    )
    if (!result.ok) throw new Error(result.error.message)
    expect((result.value as ImportResult).imported).toMatchObject({
      added: 1,
      updated: 1,
      unchanged: 1,
      removed: 1,
    })
    const after = await allCases(core, dataset.id)
    expect(after.map((c) => c.key)).toEqual(['c', 'd', 'a'])
    expect(after[0]?.id).toBe(ids.get('c'))
    expect(after[2]?.id).toBe(ids.get('a'))
    const detail = await call<DatasetDetail>(core, 'datasets.get', { id: dataset.id })
    const diff = await call<{
      added: unknown[]
      removed: { key: string }[]
      edited: { key: string; fields: string[] }[]
    }>(core, 'datasets.diffSnapshots', {
      datasetId: dataset.id,
      from: detail.snapshots[0]?.id,
      to: 'working',
    })
    expect(diff.added).toHaveLength(1)
    expect(diff.removed.map((c) => c.key)).toEqual(['b'])
    expect(diff.edited).toEqual([expect.objectContaining({ key: 'a', fields: ['vars.question', 'notes'] })])
    core.close()
  })
})
