import { describe, expect, it } from 'vitest'
import type { ProductionImport, ProductionMonitor } from '../../../../shared/domain/production'
import type { EvalSuite, Scorer } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { triage } from '../scoring/helpers'
import { fakeCalls, importCalls, saveSettings } from './monitor-helpers'

const tempHome = useTempHomes()

const rule = (metric: string, r: Record<string, unknown>): Scorer =>
  ({ metric, label: metric, config: { kind: 'rule', rule: r } }) as Scorer

/**
 * Issue 20's output rules on production calls: those that judge the output alone are monitored (a malformed
 * answer fails them); those against an expected field leave every call out, since a log has no expectation.
 */
const outputRules: Scorer[] = [
  rule('rule.category_known', { op: 'one_of', path: 'category', values: ['bug', 'billing', 'feature'] }),
  rule('rule.has_needs_human', { op: 'json_field', path: 'needs_human', present: true }),
  rule('rule.no_refund_promise', { op: 'not_contains', value: 'refund guaranteed' }),
  rule('rule.priority_like', {
    op: 'similarity',
    path: 'priority',
    measure: 'levenshtein',
    expectedField: 'priority',
    min: 0.5,
  }),
  rule('rule.eta', { op: 'numeric_close', path: 'eta_days', expectedField: 'eta_days', tolerance: 1 }),
]

describe('production monitor with the output rules', () => {
  it('monitors the rules that need no expectation and leaves the others out, malformed calls included', async () => {
    const core = demoCore(tempHome(), { runner: { demoLatencyScale: 0, flushMs: 10 } })
    const promptId = (await triage(core)).prompt.id
    const current = await call<EvalSuite>(core, 'suites.get', { promptId })
    await call(core, 'suites.save', {
      promptId,
      suite: { scorers: [...current.scorers, ...outputRules], gates: current.gates },
      message: 'Output rules',
    })
    await saveSettings(core, { promptId, sampleRate: 1, seed: 1, thresholds: [] })
    // 28 calls; calls 3, 10, 17 and 24 answer with malformed JSON.
    const imported = await importCalls(core, fakeCalls(28), 'calls-nov.jsonl')
    await call<ProductionImport>(core, 'production.score', { importId: imported.id })
    const { timeline } = await call<ProductionMonitor>(core, 'production.monitor', { promptId })
    const day = timeline[0]?.metrics ?? {}
    expect(day['rule.category_known']).toMatchObject({ n: 14, value: 12 / 14 })
    expect(day['rule.has_needs_human']).toMatchObject({ n: 14, value: 12 / 14 })
    // The text rule reads the raw output, so a malformed answer still passes it (it promises nothing).
    expect(day['rule.no_refund_promise']).toMatchObject({ n: 14, value: 1 })
    expect(day['rule.priority_like']).toEqual({ value: null, ci95: null, n: 0 })
    expect(day['rule.eta']).toEqual({ value: null, ci95: null, n: 0 })
    core.close()
  }, 60_000)
})
