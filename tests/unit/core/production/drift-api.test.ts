import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DriftReport, ProductionImport } from '../../../../shared/domain/production'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure, promptNamed } from '../core-calls'
import { demoDatasetId, runToEnd, versionId } from '../scoring/helpers'

const tempHome = useTempHomes()
const demoLog = readFileSync(join(process.cwd(), 'resources/demo/production-triage.jsonl'), 'utf8')

async function importDemoLog(core: Core): Promise<ProductionImport> {
  const promptId = (await promptNamed(core, 'Ticket triage')).prompt.id
  return call<ProductionImport>(core, 'production.import', {
    promptId,
    fileName: 'production-triage.jsonl',
    content: demoLog,
  })
}

describe('production.drift on the demo log', () => {
  it('falls back to the dataset with the same variables, then compares with the one the prompt was run on', async () => {
    const core = demoCore(tempHome(), { runner: { demoLatencyScale: 0, flushMs: 10 } })
    const imported = await importDemoLog(core)
    const datasetId = await demoDatasetId(core)
    const matched = await call<DriftReport>(core, 'production.drift', { importId: imported.id })
    expect(matched.dataset).toMatchObject({ id: datasetId, name: 'Triage golden set', snapshotId: null })

    await runToEnd(core, {
      promptVersionIds: [await versionId(core, 'Ticket triage', 5)],
      models: [{ provider: 'demo', model: 'triage-sim-2026-09' }],
      datasetId,
    })
    const report = await call<DriftReport>(core, 'production.drift', { importId: imported.id })
    expect(report.dataset).toMatchObject({ id: datasetId, name: 'Triage golden set', cases: 145 })
    expect(report.dataset.snapshotId).not.toBeNull()
    core.close()
  }, 60_000)

  it('finds the longer, more Spanish production inputs and lists the cases to add', async () => {
    const core = demoCore(tempHome())
    const imported = await importDemoLog(core)
    const datasetId = await demoDatasetId(core)
    const report = await call<DriftReport>(core, 'production.drift', { importId: imported.id, datasetId })
    expect(report.dataset).toEqual({ id: datasetId, name: 'Triage golden set', snapshotId: null, cases: 145 })
    expect(report.productionCalls).toBe(imported.sampled)
    expect(report.length.drifted).toBe(true)
    expect(report.length.pValue).toBeLessThan(0.01)
    expect(report.length.productionMedian).toBeGreaterThan(1.2 * (report.length.datasetMedian ?? 0))
    expect(report.drifted).toBe(true)
    expect(report.findings[0]).toMatch(
      /^Production inputs are \d+\.\d× longer \(median [\d,]+ vs [\d,]+ characters\)$/,
    )
    const spanish = report.languages.find((l) => l.key === 'es')
    expect(spanish?.datasetShare).toBeCloseTo(6 / 145, 12)
    expect(spanish?.productionShare).toBeGreaterThan(spanish?.datasetShare ?? 1)
    expect(report.tags.map((t) => t.key)).toEqual(
      expect.arrayContaining(['segment:enterprise', 'channel:email']),
    )

    expect(report.unrepresented.length).toBeGreaterThan(0)
    for (const c of report.unrepresented) {
      expect(c.reasons.length).toBeGreaterThan(0)
      expect(c.preview.length).toBeLessThanOrEqual(160)
      expect(c.tags).toContain('source:production')
    }
    expect(report.unrepresented.some((c) => c.reasons.some((r) => r.startsWith('Spanish is ')))).toBe(true)
    expect(
      report.unrepresented.some((c) => c.reasons.some((r) => r.startsWith('Longer than any dataset input'))),
    ).toBe(true)
    core.close()
  }, 60_000)

  it('answers NOT_FOUND for an unknown import or dataset', async () => {
    const core = demoCore(tempHome())
    expect((await failure(core, 'production.drift', { importId: 'nope' })).code).toBe('NOT_FOUND')
    const imported = await importDemoLog(core)
    const error = await failure(core, 'production.drift', { importId: imported.id, datasetId: 'ds_none' })
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('datasetId') })
    core.close()
  }, 60_000)
})
