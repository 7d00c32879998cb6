import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manifestFileSchema, manifestPaths } from '../../../../electron/main/core/bundles/format'
import { sha256Ref } from '../../../../electron/main/core/bundles/hash'
import type { BundleExport, BundleExportRecord } from '../../../../shared/domain/bundles'
import { call, failure } from '../core-calls'
import { demoWithBaseline, type BaselineWorkspace } from './baseline-fixture'

let w: BaselineWorkspace
beforeAll(async () => {
  w = await demoWithBaseline()
}, 120_000)
afterAll(() => w.cleanup())

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(root, full) : [relative(root, full)]
  })
}

const exportTo = (folder: string) =>
  call<BundleExport>(w.core, 'bundles.export', { promptId: w.prompt.prompt.id, folder })

describe('bundles.export', () => {
  it('writes the nine files of evals/ticket-triage, LF only, with no id, path or export time in them', async () => {
    const result = await exportTo(join(w.out, 'evals'))
    expect(result.folder).toBe(join(w.out, 'evals', 'ticket-triage'))
    expect(result.commit).toBeNull()
    expect(filesUnder(result.folder).sort()).toEqual([
      'baseline/baseline.json',
      'baseline/results.jsonl',
      'baseline/summary.md',
      'dataset.jsonl',
      'gates.json',
      'manifest.json',
      'prompt.json',
      'rubric.json',
      'signoffs.json',
    ])
    expect(result.files.every((f) => f.changed)).toBe(true)
    const ids = [w.prompt.prompt.id, w.runId, ...w.prompt.versions.map((v) => v.id)]
    for (const file of result.files) {
      const text = readFileSync(join(result.folder, file.path), 'utf8')
      expect(text, file.path).not.toContain('\r')
      expect(text.endsWith('\n'), file.path).toBe(true)
      for (const forbidden of [...ids, w.home, w.out]) expect(text, file.path).not.toContain(forbidden)
      expect(sha256Ref(text)).toBe(file.sha256)
    }
    const results = readFileSync(join(result.folder, 'baseline/results.jsonl'), 'utf8').trimEnd().split('\n')
    expect(results).toHaveLength(145)
    const first = JSON.parse(results[0] ?? '{}') as { scores: Record<string, unknown> }
    expect(Object.keys(first.scores)).toContain('format.json_schema')
    const summary = readFileSync(join(result.folder, 'baseline/summary.md'), 'utf8')
    expect(summary).toContain('# Baseline: Ticket triage')
    expect(summary).toMatch(/\| format\.json_schema \|.*\| pass rate \| 145 \| 100\.0 % \|/)
  })

  it('lists every other file in the manifest with its sha256', async () => {
    const { folder } = await exportTo(join(w.out, 'manifest'))
    const manifest = manifestFileSchema.parse(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')))
    expect(manifest.prompt).toBe('Ticket triage')
    expect(Object.keys(manifest.files).sort()).toEqual([...manifestPaths].sort())
    for (const path of manifestPaths)
      expect(manifest.files[path]).toBe(sha256Ref(readFileSync(join(folder, path), 'utf8')))
  })

  it('exporting again changes nothing on disk and records each export', async () => {
    const target = join(w.out, 'twice')
    const first = await exportTo(target)
    const bytes = new Map(first.files.map((f) => [f.path, readFileSync(join(first.folder, f.path))]))
    const mtimes = new Map(first.files.map((f) => [f.path, statSync(join(first.folder, f.path)).mtimeMs]))
    const second = await exportTo(target)
    expect(second.files.map((f) => f.changed)).toEqual(second.files.map(() => false))
    expect(second.files.map((f) => f.sha256)).toEqual(first.files.map((f) => f.sha256))
    for (const f of second.files) {
      expect(readFileSync(join(second.folder, f.path)).equals(bytes.get(f.path) ?? Buffer.alloc(0))).toBe(
        true,
      )
      expect(statSync(join(second.folder, f.path)).mtimeMs).toBe(mtimes.get(f.path))
    }
    const records = await call<BundleExportRecord[]>(w.core, 'bundles.exports', {
      promptId: w.prompt.prompt.id,
    })
    expect(records[0]).toMatchObject({ folder: second.folder, exportedBy: 'tester', commitSha: null })
    expect(records[0]?.manifestSha256).toBe(second.files.find((f) => f.path === 'manifest.json')?.sha256)
    expect(records.filter((r) => r.folder === second.folder)).toHaveLength(2)
  })

  it('refuses a prompt without a baseline, naming it', async () => {
    const prompts = await call<{ id: string; name: string }[]>(w.core, 'prompts.list', {})
    const other = prompts.find((p) => p.name !== 'Ticket triage')
    if (!other) return
    const error = await failure(w.core, 'bundles.export', { promptId: other.id, folder: w.out })
    expect(error).toMatchObject({ code: 'INVALID_INPUT' })
    expect(error.message).toBe(`${other.name} has no baseline yet — set or sign off one first`)
  })
})
