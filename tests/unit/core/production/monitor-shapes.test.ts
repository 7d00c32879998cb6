import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { ProductionImport, ProductionMonitor } from '../../../../shared/domain/production'
import type { RunSummary } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { triage } from '../scoring/helpers'

/*
 * A log not shaped like the demo's: two prompt versions, each called through its own provider and model
 * (names of our own), over two days of which the second goes bad while the two days together look fine.
 */
const good = JSON.stringify({ category: 'bug', priority: 'p2', sentiment: 'negative', needs_human: false })
const broken = '{"category": "bug", "priority": '

interface LogCall {
  day: '20' | '21'
  version: 4 | 5
  model: string
  output: string
}

function line(c: LogCall, i: number): string {
  return JSON.stringify({
    id: `req-${i}`,
    created_at: `2026-11-${c.day}T10:${String(i % 60).padStart(2, '0')}:00Z`,
    request: { model: c.model, messages: [{ role: 'user', content: `Subject: ticket ${i}` }] },
    response: {
      choices: [{ message: { role: 'assistant', content: c.output }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 120, completion_tokens: 15 },
    },
    latency_ms: 900,
    metadata: { prompt_version: c.version, variables: { subject: `ticket ${i}`, body: 'It broke.' } },
  })
}

/** Nov 20: 24 good calls of v4 through acme-gw. Nov 21: 24 calls of v5 through byo-proxy, 4 of them broken. */
function twoDayLog(): string {
  const day20 = Array.from({ length: 24 }, (): LogCall => ({
    day: '20',
    version: 4,
    model: 'acme-gw/llama-3.1-70b',
    output: good,
  }))
  const day21 = Array.from({ length: 24 }, (_, i): LogCall => ({
    day: '21',
    version: 5,
    model: 'byo-proxy/mistral-small',
    output: i % 6 === 0 ? broken : good,
  }))
  return [...day20, ...day21].map(line).join('\n')
}

const tempHome = useTempHomes()
let core: Core
let promptId = ''
let imported: ProductionImport

beforeAll(async () => {
  core = demoCore(tempHome(), { runner: { demoLatencyScale: 0, flushMs: 10 } })
  promptId = (await triage(core)).prompt.id
  await call(core, 'production.saveSettings', {
    promptId,
    sampleRate: 1,
    seed: 1,
    thresholds: [{ metric: 'format.json_schema', direction: 'min', value: 0.9 }],
  })
  imported = await call<ProductionImport>(core, 'production.import', {
    promptId,
    fileName: 'support-bot-nov.jsonl',
    content: twoDayLog(),
  })
  await call(core, 'production.score', { importId: imported.id })
}, 60_000)

afterAll(() => core.close())

const monitor = () => call<ProductionMonitor>(core, 'production.monitor', { promptId })

describe('a production run of two versions through two providers', () => {
  it('summarises only the version × model slices the log called, none empty', async () => {
    const summary = await call<RunSummary>(core, 'runs.summary', { runId: imported.runId })
    // The plan crosses both versions with both models; only two of those four slices were called.
    expect(summary.slices.map((s) => [s.modelId, s.results])).toEqual([
      ['acme-gw/llama-3.1-70b', 24],
      ['byo-proxy/mistral-small', 24],
    ])
  })
})

describe('production alerts on a day as well as the whole import', () => {
  it('alerts on the bad day whose rate the whole import hides, and says which is which', async () => {
    const { alerts } = await monitor()
    // Whole import: 44 of 48 valid (91.7 %) ≥ 90 %. Nov 21 alone: 20 of 24 (83.3 %) < 90 %.
    expect(alerts.map((a) => [a.scope, a.period, a.breached, a.n])).toEqual([
      ['day', 'Nov 21', true, 24],
      ['import', 'Nov 20 – Nov 21', false, 48],
    ])
    expect(alerts[0]?.value).toBeCloseTo(20 / 24, 9)
    expect(alerts[0]?.cases).toHaveLength(4)
    const breaches = await call<{ scope: string; period: string }[]>(core, 'production.breaches', {})
    expect(breaches.map((b) => [b.scope, b.period])).toEqual([['day', 'Nov 21']])
  })
})

describe('the metrics production data can measure', () => {
  it('leaves out rules against an expected field, which a logged call never has', async () => {
    const { measurable, metricLabels } = await monitor()
    expect(Object.keys(metricLabels)).toContain('rule.category')
    expect(measurable).not.toContain('rule.category')
    expect(measurable).not.toContain('rule.priority')
    expect(measurable).toContain('format.json_schema')
    expect(measurable).toEqual(expect.arrayContaining(['latency.p95_ms', 'error.rate']))
  })
})
