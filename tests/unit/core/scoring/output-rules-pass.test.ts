import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetCase, DatasetDetail } from '../../../../shared/domain/datasets'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { GateResult, RunSummary, Score, Scorer } from '../../../../shared/domain/scoring'
import type { MockChatRequest, MockLlmServer } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { runToEnd } from './helpers'

/**
 * The user's own invoice extractor on their own OpenAI-compatible gateway, scored by issue 20's output rules
 * through the real scoring pass: summary per metric, a gate on them, and a re-score that changes nothing.
 */

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const model = { provider: 'ledger-gateway', model: 'ledger-extract-7b' }

interface Invoice {
  expected: Record<string, unknown>
  /** What the model answers for it (JSON), or null when its call fails. */
  answer: Record<string, unknown> | null
}

const summaryText = 'Office chairs delivered to the Berlin office'
/** Eight invoices: the comments say what each output rule should find. */
const invoices: Record<string, Invoice> = {
  // all pass
  'INV-1': {
    expected: { total: '120.00', vendors: 'Acme GmbH|ACME', summary: summaryText },
    answer: { vendor: 'ACME GmbH', total: 120, summary: summaryText, payment: { iban: 'DE89…' } },
  },
  // total off by exactly the tolerance (a float difference of 0.010000000000005116); summary close enough
  'INV-2': {
    expected: {
      total: 99.99,
      vendors: '["Bürobedarf Köln"]',
      summary: 'Paper and toner for the Cologne team',
    },
    answer: { vendor: 'Bu\u0308robedarf Köln', total: '99.98', summary: 'Paper and toner for Cologne team' },
  },
  // the total is text around a number; the vendor is not on the list; no payment block
  'INV-3': {
    expected: { total: 50, vendors: 'Acme GmbH', summary: 'Desk lamps' },
    answer: { vendor: 'Globex', total: '50 EUR', summary: 'Desk lamps' },
  },
  // the total is wrong; the summary is unrelated; an internal note leaks (null still counts as present)
  'INV-4': {
    expected: { total: '10.5', vendors: 'Initech', summary: 'Two staplers for reception' },
    answer: {
      vendor: 'Initech',
      total: 11,
      summary: 'Invoice',
      internal_note: null,
      payment: { iban: null },
    },
  },
  'INV-5': {
    expected: { total: '7', vendors: 'Initech|Globex', summary: 'Coffee beans' },
    answer: { vendor: 'globex', total: 7, summary: 'Coffee beans', payment: { iban: 'FR76…' } },
  },
  // not labelled: the total and summary rules cannot judge it
  'INV-6': {
    expected: { vendors: 'Acme GmbH' },
    answer: { vendor: 'Acme GmbH', total: 3, summary: 'Pens', payment: { iban: 'NL91…' } },
  },
  'INV-7': {
    expected: { total: 1e3, vendors: 'Umbrella', summary: 'Annual software licence renewal' },
    answer: {
      vendor: 'Umbrella',
      total: '1000.004',
      summary: 'Annual software licence renewal',
      payment: {},
    },
  },
  // the provider fails: every output rule counts the failed call as a fail
  'INV-8': { expected: { total: 5, vendors: 'Acme GmbH', summary: 'Tape' }, answer: null },
}

function responder(request: MockChatRequest): string {
  const text = request.messages.map((m) => m.text).join('\n')
  const id = Object.keys(invoices).find((key) => text.includes(`${key}:`)) ?? ''
  return JSON.stringify(invoices[id]?.answer ?? {})
}

const rule = (metric: string, r: Record<string, unknown>): Scorer =>
  ({ metric, label: metric, config: { kind: 'rule', rule: r } }) as Scorer

const scorers: Scorer[] = [
  rule('rule.total', { op: 'numeric_close', path: 'total', expectedField: 'total', tolerance: 0.01 }),
  rule('rule.vendor', { op: 'one_of', path: 'vendor', expectedField: 'vendors' }),
  rule('rule.summary', {
    op: 'similarity',
    path: 'summary',
    measure: 'rouge_l',
    expectedField: 'summary',
    min: 0.8,
  }),
  rule('rule.iban', { op: 'json_field', path: 'payment.iban', present: true }),
  rule('rule.no_internal_note', { op: 'json_field', path: 'internal_note', present: false }),
]

async function workspace(
  server: MockLlmServer,
): Promise<{ core: Core; datasetId: string; versionId: string; promptId: string }> {
  const core = demoCore(tempHome(), {
    seedDemo: false,
    runner: {
      env: {},
      flushMs: 10,
      retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 2000 },
    },
  })
  await call(core, 'providers.save', {
    name: model.provider,
    kind: 'openai-compatible',
    baseUrl: server.openaiBaseUrl,
    concurrency: 4,
  })
  const dataset = await call<DatasetDetail>(core, 'datasets.create', { name: 'Supplier invoices' })
  const added: DatasetCase[] = []
  for (const [key, invoice] of Object.entries(invoices)) {
    const fields = {
      key,
      vars: { invoice: `${key}: scanned text` },
      expected: invoice.expected,
      expectedOutput: null,
      tags: [],
      notes: '',
    }
    added.push(await call<DatasetCase>(core, 'cases.add', { datasetId: dataset.dataset.id, fields }))
  }
  const failing = added.find((c) => c.key === 'INV-8')?.id ?? ''
  server.setBehavior({ faultsFor: (key) => (key.includes(`/${failing}/`) ? ['500', '500'] : undefined) })
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Invoice extractor',
    messages: [{ role: 'user', content: 'Extract vendor, total and a summary as JSON.\n{{invoice}}' }],
    model,
    message: 'First version',
    allowNewVariables: true,
  })
  return { core, datasetId: dataset.dataset.id, versionId: prompt.version.id, promptId: prompt.prompt.id }
}

const metricOf = (summary: RunSummary, name: string) =>
  summary.slices[0]?.metrics.find((m) => m.metric === name)

describe('output rules through the scoring pass, on the user’s own provider (mock server, real SDK)', () => {
  it('scores each rule, summarises pass rates, gates on them, and re-scores to the same result', async () => {
    const server = await startMock({ responder })
    const { core, datasetId, versionId, promptId } = await workspace(server)
    await call(core, 'suites.save', {
      promptId,
      message: 'Invoice checks',
      suite: {
        scorers,
        gates: [
          { kind: 'min_score', metric: 'rule.vendor', min: 0.75 },
          { kind: 'min_score', metric: 'rule.total', min: 0.6 },
        ],
      },
    })
    const run = await runToEnd(core, {
      promptVersionIds: [versionId],
      models: [model],
      datasetId,
      useCache: false,
    })
    expect(run.counts).toMatchObject({ errors: 1 })
    const calls = server.stats.byModel[model.model]

    const summary = await call<RunSummary>(core, 'runs.score', { runId: run.id })
    // total: pass 1, 2, 5, 7; fail 3 (not a number), 4 (off), 8 (failed call); 6 unlabelled.
    expect(metricOf(summary, 'rule.total')).toMatchObject({ kind: 'pass_rate', n: 7, value: 4 / 7 })
    // vendor: fail 3 (not listed) and 8; the decomposed ü of INV-2 matches.
    expect(metricOf(summary, 'rule.vendor')).toMatchObject({ n: 8, value: 6 / 8 })
    // summary (ROUGE-L ≥ 0.8): fail 4 and 8; INV-2 drops one word of seven (F1 12/13 ≈ 0.92).
    expect(metricOf(summary, 'rule.summary')).toMatchObject({ n: 7, value: 5 / 7 })
    // iban present (null counts): 1, 4, 5, 6 pass; 2, 3 (no payment), 7 (empty payment), 8 fail.
    expect(metricOf(summary, 'rule.iban')).toMatchObject({ n: 8, value: 4 / 8 })
    expect(metricOf(summary, 'rule.no_internal_note')).toMatchObject({ n: 8, value: 6 / 8 })

    const page = await call<{ scores: Score[] }>(core, 'runs.scores', {
      runId: run.id,
      metric: 'rule.summary',
    })
    const raws = page.scores.map((s) => s.raw).filter((r): r is number => r !== null)
    expect(raws.some((r) => r > 0.8 && r < 1)).toBe(true)
    const failedCall = page.scores.find((s) => s.reason.startsWith('The call failed'))
    expect(failedCall).toMatchObject({ value: 0, raw: 0, passed: false })
    expect(failedCall?.reason).toMatch(/500/)
    const total = await call<{ scores: Score[] }>(core, 'runs.scores', {
      runId: run.id,
      metric: 'rule.total',
    })
    expect(total.scores.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        'total is "50 EUR", not a number',
        'total is 11, off by 0.5 from 10.5 (allowed 0.01)',
      ]),
    )

    const slice = { promptVersionId: versionId, provider: model.provider, modelId: model.model }
    const gate = await call<GateResult>(core, 'gates.evaluate', { runId: run.id, slice })
    expect(gate.rules.map((r) => [r.rule.kind === 'min_score' ? r.rule.metric : '', r.verdict])).toEqual([
      ['rule.vendor', 'pass'],
      ['rule.total', 'fail'],
    ])
    expect(gate.verdict).toBe('fail')
    expect(gate.rules[1]?.failingCases.map((c) => c.caseKey).sort()).toEqual(['INV-3', 'INV-4', 'INV-8'])

    const again = await call<RunSummary>(core, 'runs.score', { runId: run.id })
    expect(again).toEqual(summary)
    expect(server.stats.byModel[model.model]).toBe(calls)
    core.close()
  }, 60_000)
})
