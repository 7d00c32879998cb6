import { describe, expect, it } from 'vitest'
import { buildBundle } from '../../../../electron/main/core/bundles/build'
import { bundlePaths, type BundleFiles, type BundlePath } from '../../../../electron/main/core/bundles/format'
import { importBundle } from '../../../../electron/main/core/bundles/import'
import { ensureSnapshot } from '../../../../electron/main/core/datasets/snapshot'
import { useTempHomes } from '../../../fixtures/temp-home'
import { addSignoff, demoWithBaseline, openContext, rowCounts } from './import-helpers'

const newHome = useTempHomes()

/** Exports the demo's baseline (with one sign-off) and returns the files. */
async function exportedDemo(): Promise<{ home: string; promptId: string; files: BundleFiles }> {
  const home = newHome()
  const promptId = await demoWithBaseline(home)
  const { ctx, close } = openContext(home)
  addSignoff(ctx, promptId, buildBundle(ctx, promptId).files)
  const { files } = buildBundle(ctx, promptId)
  close()
  return { home, promptId, files }
}

const asObject = (files: BundleFiles): Record<string, string> => Object.fromEntries(files)

describe('importing a baseline folder', () => {
  it('export → import into a fresh workspace → export is byte-identical', async () => {
    const { files } = await exportedDemo()
    expect(JSON.parse(files.get(bundlePaths.signoffs) ?? '{}')).toMatchObject({
      signoffs: [{ name: 'Priya Shah' }],
    })
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const report = await importBundle(ctx, files)
    expect(report).toMatchObject({ promptName: 'Ticket triage', signoffsAdded: 1, unchanged: false })
    expect(asObject(buildBundle(ctx, report.promptId).files)).toEqual(asObject(files))
    close()
  }, 60_000)

  it('imports the same folder twice: the second time changes nothing', async () => {
    const { files } = await exportedDemo()
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const first = await importBundle(ctx, files)
    const before = rowCounts(ctx)
    const second = await importBundle(ctx, files)
    expect(second).toEqual({ ...first, versionsAdded: 0, signoffsAdded: 0, unchanged: true })
    expect(rowCounts(ctx)).toEqual(before)
    close()
  }, 60_000)

  it('a run started after the import reuses the imported dataset snapshot', async () => {
    const { files } = await exportedDemo()
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const report = await importBundle(ctx, files)
    const latest = ctx.repos.snapshots.latest(report.datasetId)
    expect(latest?.id).toBe(report.datasetSnapshotId)
    expect(ctx.repos.datasetCases.count(report.datasetId)).toBe(latest?.caseCount)
    expect(ctx.db.transaction(() => ensureSnapshot(ctx, report.datasetId).id)()).toBe(
      report.datasetSnapshotId,
    )
    close()
  }, 60_000)

  it('imports into the workspace the folder came from without errors or new rows', async () => {
    const { home, files } = await exportedDemo()
    const { ctx, close } = openContext(home)
    const before = rowCounts(ctx)
    const report = await importBundle(ctx, files)
    expect(report.unchanged).toBe(true)
    expect(rowCounts(ctx)).toEqual(before)
    close()
  }, 60_000)

  it('refuses a bad line of dataset.jsonl naming the file and line, and writes nothing', async () => {
    const { files } = await exportedDemo()
    const lines = (files.get(bundlePaths.dataset) ?? '').split('\n')
    lines[2] = lines[2]?.replace('"vars":{', '"vars":{"zz":7,') ?? ''
    const broken = new Map<BundlePath, string>(files).set(bundlePaths.dataset, lines.join('\n'))
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const before = rowCounts(ctx)
    await expect(importBundle(ctx, broken)).rejects.toThrow(/^dataset\.jsonl: line 3: vars\.zz: /)
    expect(rowCounts(ctx)).toEqual(before)
    close()
  }, 60_000)
})
