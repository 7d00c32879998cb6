import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { allCases, base64, fingerprint } from './api-helpers'

const exact = join(import.meta.dirname, '../../../fixtures/datasets/exact')
const fixture = (name: string) => base64(readFileSync(join(exact, name)))
const newHome = useTempHomes()

async function importFixture(home: string, fileName: string, extra: Record<string, unknown> = {}) {
  const core = demoCore(home)
  const contentBase64 = fixture(fileName)
  const preview = await call<{ mapping: Record<string, unknown> }>(core, 'datasets.importPreview', {
    fileName,
    contentBase64,
    ...extra,
  })
  const detail = await call<{ dataset: { id: string } }>(core, 'datasets.importCommit', {
    fileName,
    contentBase64,
    mapping: preview.mapping,
    target: { kind: 'new', name: fileName },
    ...extra,
  })
  const cases = (await allCases(core, detail.dataset.id)).map(({ id: _id, ...c }) => c)
  core.close()
  return cases
}

describe('promptfoo YAML as promptfoo reads it', () => {
  it('applies anchors, aliases and << merge keys (a key of the test itself wins)', async () => {
    const cases = await importFixture(newHome(), 'promptfoo-merge-keys.yaml')
    expect(cases.map((c) => [c.vars, c.expectedOutput, c.tags, c.notes])).toEqual([
      [{ product: 'Acme Router', tone: 'calm' }, null, ['team:support'], 'router resets'],
      [
        { lang: 'fr', tone: 'formal', question: 'Comment réinitialiser ?' },
        'Appuyez 10 s sur reset.',
        ['team:support'],
        '',
      ],
      [
        { lang: 'fr', tone: 'formal', product: 'Acme Switch', question: 'Où est le port ?' },
        null,
        [],
        'Où est le port ?',
      ],
    ])
  })

  it('refuses file:// references naming the test and the field, reading nothing and writing nothing', async () => {
    const home = newHome()
    const core = demoCore(home)
    const before = fingerprint(home)
    const contentBase64 = fixture('promptfoo-file-refs.yaml')
    const input = { fileName: 'promptfoo-file-refs.yaml', contentBase64 }
    const preview = await call<{ mapping: Record<string, unknown>; failingRows: unknown[] }>(
      core,
      'datasets.importPreview',
      input,
    )
    expect(preview.failingRows).toHaveLength(2)
    const error = await failure(core, 'datasets.importCommit', {
      ...input,
      mapping: preview.mapping,
      target: { kind: 'new', name: 'refs' },
    })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain('promptfoo-file-refs.yaml')
    expect(error.message).toMatch(
      /row 2.*vars\.document is a file reference \(file:\/\/docs\/contract\.txt\)/,
    )
    expect(error.message).toMatch(
      /row 3.*assert\[1\]\.value is a file reference \(file:\/\/checks\/polite\.js\)/,
    )
    expect(error.message).toContain('Nothing was imported')
    expect(fingerprint(home)).toEqual(before)
    core.close()
  })

  it('keeps file:// references as text when the user picks it', async () => {
    const cases = await importFixture(newHome(), 'promptfoo-file-refs.yaml', { fileReferences: 'asText' })
    expect(cases[1]?.vars).toEqual({ question: 'Summarise it', document: 'file://docs/contract.txt' })
    expect(cases[2]?.expected).toEqual({
      assertions: [{ type: 'javascript', value: 'file://checks/polite.js' }],
    })
  })

  it('refuses an alias bomb with LIMIT_EXCEEDED naming the file, in preview and commit, writing nothing', async () => {
    const home = newHome()
    const core = demoCore(home)
    const before = fingerprint(home)
    const input = { fileName: 'alias-bomb.yaml', contentBase64: fixture('alias-bomb.yaml') }
    for (const [method, extra] of [
      ['datasets.importPreview', {}],
      ['datasets.importCommit', { mapping: {}, target: { kind: 'new', name: 'bomb' } }],
    ] as const) {
      const error = await failure(core, method, { ...input, ...extra })
      expect(error.code).toBe('LIMIT_EXCEEDED')
      expect(error.message).toContain('alias-bomb.yaml')
      expect(error.message).toContain('alias bomb')
      expect(error.message).toContain('Nothing was imported')
    }
    expect(fingerprint(home)).toEqual(before)
    core.close()
  })
})
