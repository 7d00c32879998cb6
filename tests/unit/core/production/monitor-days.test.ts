import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProductionImport, ProductionMonitor } from '../../../../shared/domain/production'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'

const tempHome = useTempHomes()
const demoLog = readFileSync(join(process.cwd(), 'resources/demo/production-triage.jsonl'), 'utf8')

describe('the timeline of the demo log', () => {
  it('shows a week of calls (Nov 16 … 23) as one point per day after import and scoring', async () => {
    const core = demoCore(tempHome(), { runner: { demoLatencyScale: 0, flushMs: 10 } })
    const promptId = (await promptNamed(core, 'Ticket triage')).prompt.id
    const imported = await call<ProductionImport>(core, 'production.import', {
      promptId,
      fileName: 'production-triage.jsonl',
      content: demoLog,
    })
    await call(core, 'production.score', { importId: imported.id })
    const { timeline, alerts } = await call<ProductionMonitor>(core, 'production.monitor', { promptId })

    expect(timeline.length).toBeGreaterThanOrEqual(7)
    expect(timeline.every((p) => p.importId === imported.id && /^Nov \d\d?$/.test(p.label))).toBe(true)
    expect(new Set(timeline.map((p) => p.label)).size).toBe(timeline.length)
    expect(timeline.reduce((sum, p) => sum + p.n, 0)).toBe(imported.sampled)
    // Each day is scored over its own results: the suite's format metric has a value per day.
    expect(timeline.every((p) => (p.metrics['format.json_schema']?.n ?? 0) === p.n)).toBe(true)
    // Alerts still judge the whole import.
    for (const alert of alerts) expect(alert.importId).toBe(imported.id)
    core.close()
  }, 120_000)
})
