import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { BreachSummary, ProductionImport, ProductionMonitor } from '../../../../shared/domain/production'
import { call, demoCore, failure } from '../core-calls'
import { triage } from '../scoring/helpers'
import { fakeCalls, importCalls, saveSettings } from './monitor-helpers'

let home = ''
let core: Core
let promptId = ''
let imported: ProductionImport
const calls = fakeCalls(28)
// Calls 3, 10, 17 and 24 (0-based) answer with malformed JSON; call 5 took 12 s.
const malformed = calls.filter((_, i) => i % 7 === 3).map((c) => c.id)

const monitor = () => call<ProductionMonitor>(core, 'production.monitor', { promptId })

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'evallab-production-monitor-'))
  core = demoCore(home, { runner: { demoLatencyScale: 0, flushMs: 10 } })
  promptId = (await triage(core)).prompt.id
  await saveSettings(core, {
    promptId,
    sampleRate: 1,
    seed: 1,
    thresholds: [
      { metric: 'latency.p95_ms', direction: 'max', value: 8000 },
      { metric: 'format.json_schema', direction: 'min', value: 0.99 },
    ],
  })
  imported = await importCalls(core, calls, 'calls-nov-20.jsonl')
}, 60_000)

afterAll(() => {
  core.close()
  rmSync(home, { recursive: true, force: true })
})

describe('production.score and production.monitor', () => {
  it('shows an unscored import with its operational metrics and no alerts before scoring', async () => {
    const before = await monitor()
    expect(before.imports.map((i) => [i.id, i.scored])).toEqual([[imported.id, false]])
    expect(before.alerts).toEqual([])
    // The calls span Nov 20 and 21: one point per day.
    expect(before.timeline.map((p) => [p.label, p.metrics['latency.p95_ms']?.n])).toEqual([
      ['Nov 20', 14],
      ['Nov 21', 14],
    ])
  })

  it('scores the sample with the suite and marks the import scored', async () => {
    const scored = await call<ProductionImport>(core, 'production.score', { importId: imported.id })
    expect(scored).toMatchObject({ id: imported.id, scored: true, sampled: 28 })
  }, 60_000)

  it("puts one point per day of calls on the timeline, each over that day's results only", async () => {
    const { timeline, metricLabels } = await monitor()
    expect(timeline.map((p) => [p.importId, p.label, p.n])).toEqual([
      [imported.id, 'Nov 20', 14],
      [imported.id, 'Nov 21', 14],
    ])
    const [first, second] = timeline
    expect([first?.periodStart, first?.periodEnd]).toEqual([
      '2026-11-20T09:00:00.000Z',
      '2026-11-20T09:13:00.000Z',
    ])
    expect([second?.periodStart, second?.periodEnd]).toEqual([
      '2026-11-21T09:14:00.000Z',
      '2026-11-21T09:27:00.000Z',
    ])
    // Two malformed answers a day (calls 3 and 10, then 17 and 24).
    const format = first?.metrics['format.json_schema']
    expect(format?.n).toBe(14)
    expect(format?.value).toBeCloseTo(12 / 14, 6)
    expect(format?.ci95?.high).toBeGreaterThan(format?.value ?? 1)
    expect(second?.metrics['format.json_schema']?.value).toBeCloseTo(12 / 14, 6)
    expect(first?.metrics['error.rate']?.value).toBe(0)
    // The 12 s call was made on Nov 20; Nov 21's P95 does not see it.
    expect(first?.metrics['latency.p95_ms']?.value).toBeGreaterThan(
      second?.metrics['latency.p95_ms']?.value ?? 0,
    )
    expect(metricLabels['latency.p95_ms']).toBe('P95 latency')
    expect(metricLabels['format.json_schema']).toBeTruthy()
  })

  it('leaves rules against expected fields unscored: production calls have no expected answer', async () => {
    const { timeline } = await monitor()
    const metrics = timeline[1]?.metrics ?? {}
    // Not even the malformed outputs count against them: the format check reports those.
    for (const rule of ['rule.category', 'rule.priority', 'rule.needs_human'])
      expect([rule, metrics[rule]]).toEqual([rule, { value: null, ci95: null, n: 0 }])
  })

  it('lists the breached format threshold first, with the malformed calls', async () => {
    const { alerts } = await monitor()
    expect(alerts.map((a) => [a.metric, a.breached])).toEqual([
      ['format.json_schema', true],
      ['latency.p95_ms', false],
    ])
    const format = alerts[0]
    expect(format?.cases.map((c) => c.externalId).sort()).toEqual(malformed)
    expect(format?.cases[0]).toMatchObject({ value: 0, output: calls[3]?.output })
    expect(format?.cases[0]?.input).toContain('subject: ')
    expect(format?.cases[0]?.reason).not.toBe('')
  })

  it('lists the breach workspace-wide for the header, and only the breached thresholds', async () => {
    const breaches = await call<BreachSummary[]>(core, 'production.breaches', {})
    expect(breaches).toEqual([
      expect.objectContaining({
        promptId,
        promptName: 'Ticket triage',
        importId: imported.id,
        metric: 'format.json_schema',
        threshold: { metric: 'format.json_schema', direction: 'min', value: 0.99 },
        cases: malformed.length,
      }),
    ])
    expect(breaches[0]?.value).toBeCloseTo(24 / 28, 6)
  })

  it('lists the calls slower than a latency maximum even when the P95 stays under it', async () => {
    const latency = (await monitor()).alerts.find((a) => a.metric === 'latency.p95_ms')
    expect(latency?.cases.map((c) => [c.externalId, c.value])).toEqual([[calls[5]?.id, 12_000]])
    expect(latency?.cases[0]?.reason).toContain('12,000 ms')
  })

  it('breaches a latency maximum below the P95', async () => {
    await saveSettings(core, {
      promptId,
      sampleRate: 1,
      seed: 1,
      thresholds: [{ metric: 'latency.p95_ms', direction: 'max', value: 1500 }],
    })
    const [latency] = (await monitor()).alerts
    expect(latency?.breached).toBe(true)
    expect(latency?.cases[0]?.value).toBe(12_000)
    expect(latency?.cases.every((c, i, all) => i === 0 || (all[i - 1]?.value ?? 0) >= (c.value ?? 0))).toBe(
      true,
    )
  })

  it('refuses an unknown import and an unknown prompt', async () => {
    expect((await failure(core, 'production.score', { importId: 'imp-none' })).code).toBe('NOT_FOUND')
    expect((await failure(core, 'production.monitor', { promptId: 'prm-none' })).code).toBe('NOT_FOUND')
  })
})
