import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetCasePage } from '../../../../shared/domain/datasets'
import type { ProductionImport } from '../../../../shared/domain/production'
import { call, demoCore, failure } from '../core-calls'
import { demoDatasetId, triage } from '../scoring/helpers'
import { fakeCalls, importCalls, saveSettings } from './monitor-helpers'

let home = ''
let core: Core
let imported: ProductionImport
const calls = fakeCalls(12)

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'evallab-production-add-'))
  core = demoCore(home)
  const promptId = (await triage(core)).prompt.id
  await saveSettings(core, { promptId, sampleRate: 1, seed: 1, thresholds: [] })
  imported = await importCalls(core, calls, 'calls-nov-20.jsonl')
}, 60_000)

afterAll(() => {
  core.close()
  rmSync(home, { recursive: true, force: true })
})

describe('production.addToDataset', () => {
  const sampledCases = async (): Promise<string[]> => {
    const run = await call<{ datasetSnapshotId: string }>(core, 'runs.get', { id: imported.runId })
    const page = await call<DatasetCasePage>(core, 'datasets.cases', {
      datasetId: imported.datasetId,
      snapshotId: run.datasetSnapshotId,
      offset: 0,
      limit: 500,
    })
    return page.cases.map((c) => c.id)
  }

  it('copies chosen calls into a curated dataset and skips those already there', async () => {
    const golden = await demoDatasetId(core)
    const caseIds = (await sampledCases()).slice(0, 3)
    const first = await call(core, 'production.addToDataset', {
      importId: imported.id,
      caseIds,
      datasetId: golden,
    })
    expect(first).toEqual({ added: 3, skipped: 0 })
    const again = await call(core, 'production.addToDataset', {
      importId: imported.id,
      caseIds,
      datasetId: golden,
    })
    expect(again).toEqual({ added: 0, skipped: 3 })
    const page = await call<DatasetCasePage>(core, 'datasets.cases', {
      datasetId: golden,
      offset: 0,
      limit: 500,
      tags: ['source:production'],
    })
    const added = page.cases.filter((c) => c.key.startsWith('prod-'))
    expect(added.map((c) => c.key)).toEqual(calls.slice(0, 3).map((c) => `prod-${c.id}`))
    expect(added[0]).toMatchObject({ vars: calls[0]?.vars, expected: {}, expectedOutput: null })
    expect(added[0]?.tags).toContain('source:production')
    expect(added[0]?.notes).toBe(`From production log calls-nov-20.jsonl, call ${calls[0]?.id ?? ''}`)
  })

  it('refuses the production dataset itself as the target', async () => {
    const [own] = await sampledCases()
    const error = await failure(core, 'production.addToDataset', {
      importId: imported.id,
      caseIds: [own],
      datasetId: imported.datasetId,
    })
    expect(error.code).toBe('INVALID_INPUT')
  })

  it('refuses a case that is not part of the import, naming it, and adds nothing', async () => {
    const golden = await demoDatasetId(core)
    const [own] = await sampledCases()
    const goldenCase = (
      await call<DatasetCasePage>(core, 'datasets.cases', { datasetId: golden, offset: 0, limit: 1 })
    ).cases[0]?.id
    const error = await failure(core, 'production.addToDataset', {
      importId: imported.id,
      caseIds: [own, goldenCase],
      datasetId: golden,
    })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain(goldenCase)
  })
})
