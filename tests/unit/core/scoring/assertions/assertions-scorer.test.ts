import { describe, expect, it } from 'vitest'
import {
  assertionsNeedJudge,
  assertionsScorer,
} from '../../../../../electron/main/core/scoring/scorers/assertions'
import { orderCase, services } from './helpers'

const scorer = assertionsScorer({ kind: 'assertions', field: 'assertions', judgeModel: null })
const answer = 'Order 4471 shipped on 2 May via DHL. Tracking: JD0146.'

type Detail = { type: string; status: string; pass: boolean; score: number; reason: string; weight: number }
const detailsOf = (outcome: { details?: Record<string, unknown> }): Detail[] =>
  (outcome.details?.['assertions'] ?? []) as Detail[]

describe('promptfoo assertions scorer', () => {
  it('passes a test whose every assertion passes, with per-assertion details', async () => {
    const outcome = await scorer(
      orderCase(answer, [
        { type: 'icontains', value: 'dhl' },
        { type: 'ends-with', value: 'JD0146.' },
        { type: 'equals', value: answer },
        { type: 'not-contains', value: 'refund' },
      ]),
      services(),
    )
    expect(outcome).toMatchObject({ value: 1, raw: 1, passed: true })
    expect(detailsOf(outcome).map((d) => [d.type, d.pass])).toEqual([
      ['icontains', true],
      ['ends-with', true],
      ['equals', true],
      ['not-contains', true],
    ])
  })

  it('fails the test on one failing assertion and weights the raw score', async () => {
    const outcome = await scorer(
      orderCase(answer, [
        { type: 'contains', value: 'UPS', weight: 3 },
        { type: 'contains', value: '4471' },
      ]),
      services(),
    )
    expect(outcome).toMatchObject({ value: 0, passed: false, reason: 'Expected output to contain "UPS"' })
    expect(outcome.raw).toBeCloseTo(0.25)
    expect(detailsOf(outcome)[0]).toMatchObject({ weight: 3, pass: false, score: 0 })
  })

  it("uses the test's threshold from expected.assertions_threshold (0 included)", async () => {
    const list = [
      { type: 'contains', value: 'UPS' },
      { type: 'contains', value: '4471' },
    ]
    const atHalf = await scorer(orderCase(answer, list, { threshold: 0.5 }), services())
    expect(atHalf).toMatchObject({ value: 1, raw: 0.5, passed: true })
    expect(atHalf.details).toMatchObject({ threshold: 0.5 })
    const above = await scorer(orderCase(answer, list, { threshold: 0.6 }), services())
    expect(above).toMatchObject({ value: 0, passed: false })
    const bad = await scorer(orderCase(answer, list, { threshold: 'high' }), services())
    expect(bad).toMatchObject({ value: null, passed: null })
    expect(bad.reason).toContain('assertions_threshold')
  })

  it('leaves a test with an unsupported assertion unscored and names it', async () => {
    const outcome = await scorer(
      orderCase(answer, [
        { type: 'contains', value: '4471' },
        { type: 'python', value: 'file://check.py' },
      ]),
      services(),
    )
    expect(outcome).toMatchObject({ value: null, raw: null, passed: null })
    expect(outcome.reason).toContain('python')
  })

  it('counts a failed call as a failed test; a case without assertions is unscored', async () => {
    const failed = await scorer(orderCase(null, [{ type: 'contains', value: '4471' }]), services())
    expect(failed).toMatchObject({ value: 0, passed: false })
    expect(failed.reason).toContain('HTTP 503')
    const input = orderCase(answer, [])
    input.case.expected = {}
    expect(await scorer(input, services())).toMatchObject({ value: null, passed: null })
  })

  it('gives weight-0 assertions a pass, as promptfoo does', async () => {
    const outcome = await scorer(
      orderCase(answer, [
        { type: 'ends-with', value: 'nope', weight: 0 },
        { type: 'contains', value: '4471' },
      ]),
      services(),
    )
    expect(outcome).toMatchObject({ value: 1, passed: true })
  })

  it('knows when a case needs the judge', () => {
    const config = { kind: 'assertions' as const, field: 'assertions', judgeModel: null }
    expect(assertionsNeedJudge(config, { assertions: [{ type: 'not-llm-rubric', value: 'rude' }] })).toBe(
      true,
    )
    expect(assertionsNeedJudge(config, { assertions: [{ type: 'contains', value: 'x' }] })).toBe(false)
    expect(assertionsNeedJudge(config, {})).toBe(false)
  })
})

describe('cost and latency assertions', () => {
  it('compare the stored facts with the threshold, not- forms inverted', async () => {
    const list = [
      { type: 'cost', threshold: 0.005 },
      { type: 'latency', threshold: 1000 },
      { type: 'not-latency', threshold: 500 },
    ]
    expect(await scorer(orderCase(answer, list), services())).toMatchObject({ value: 1, passed: true })
    const slow = await scorer(orderCase(answer, list, { latencyMs: 1500, costUsd: 0.01 }), services())
    expect(slow).toMatchObject({ value: 0, passed: false })
    expect(detailsOf(slow).map((d) => d.reason)).toEqual([
      'Cost 0.010 is greater than threshold 0.005',
      'Latency 1500ms is greater than threshold 1000ms',
      'Assertion passed',
    ])
  })

  it('are an error, not a pass, when the fact is unknown (cached result, no price)', async () => {
    const cached = await scorer(
      orderCase(answer, [{ type: 'latency', threshold: 1000 }], { cached: true, latencyMs: null }),
      services(),
    )
    expect(cached).toMatchObject({ value: null, passed: null, details: { error: 'assertion' } })
    expect(cached.reason).toContain('cached')
    const unpriced = await scorer(
      orderCase(answer, [{ type: 'cost', threshold: 1 }], { costUsd: null }),
      services(),
    )
    expect(unpriced).toMatchObject({ value: null, passed: null })
    expect(unpriced.reason).toContain('cost')
  })

  it('without a threshold need a metric and then record the amount as the score', async () => {
    const noMetric = await scorer(orderCase(answer, [{ type: 'cost' }]), services())
    expect(noMetric.value).toBeNull()
    const metric = await scorer(orderCase(answer, [{ type: 'latency', metric: 'latency_ms' }]), services())
    expect(metric).toMatchObject({ value: 1, passed: true, raw: 840 })
  })
})

describe('assertion values with {{ var }} tags', () => {
  it("are rendered with the case's vars, as promptfoo renders them before checking", async () => {
    const outcome = await scorer(
      orderCase(answer, [
        { type: 'contains', value: 'Order {{ order_id }}' },
        { type: 'contains-all', value: ['{{order_id}}', 'DHL'] },
        { type: 'javascript', value: 'output.includes("{{order_id}}")' },
      ]),
      services(),
    )
    expect(outcome).toMatchObject({ value: 1, passed: true })
  })

  it('are refused when they need more than a plain var (a filter, a tag, a var the case lacks)', async () => {
    for (const value of ['{{ order_id | upper }}', '{% if x %}y{% endif %}', '{{ tracking_no }}']) {
      const outcome = await scorer(orderCase(answer, [{ type: 'contains', value }]), services())
      expect(outcome).toMatchObject({ value: null, passed: null })
      expect(outcome.reason).toContain('Nunjucks')
    }
  })
})
