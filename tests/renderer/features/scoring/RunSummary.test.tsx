import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RuleOutcome } from '../../../../shared/domain/scoring'
import { deferred, type FakeCoreState } from '../../fixtures/fake-core'
import { makeCase } from '../../fixtures/fake-datasets'
import { makeResult, makeRun } from '../../fixtures/fake-runs'
import { makeMetric, makeSlice } from '../../fixtures/fake-scoring'
import { mockResultsViewport, openRuns } from '../runs/helpers'

let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockResultsViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
})

const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const xss = '<img src=x onerror=alert(1)>'
const v3 = 'p-triage-v3|demo|triage-sim-2026-09'

const formatRule: RuleOutcome = {
  rule: { kind: 'min_score', metric: 'format.json_schema', min: 0.99 },
  label: 'format.json_schema pass rate ≥ 99 %',
  verdict: 'fail',
  candidate: 0.9586,
  baseline: 1,
  delta: null,
  deltaCi95: null,
  test: null,
  warning: null,
  explanation: '139 of 145 outputs match the schema (95 % CI 91.2–98.1 %).',
  failingCases: [
    { caseId: 'case-0003', caseKey: 'tkt-0003', detail: `Unexpected token < in ${xss}` },
    {
      caseId: 'case-0005',
      caseKey: 'tkt-0005',
      detail: '/priority must be equal to one of the allowed values',
    },
  ],
}
const dropRule: RuleOutcome = {
  rule: { kind: 'max_drop', metric: 'category', maxDropPoints: 5 },
  label: 'category no more than 5 points below baseline',
  verdict: 'inconclusive',
  candidate: 0.88,
  baseline: 0.9,
  delta: -2.07,
  deltaCi95: { low: -6.2, high: 2.1 },
  test: { name: 'McNemar exact', pValue: 0.42, statistic: null },
  warning: 'With 145 paired cases a drop smaller than 6.1 points cannot be detected; add cases.',
  explanation: 'The interval reaches below −5 points but the drop is not significant.',
  failingCases: [],
}

function seed(state: FakeCoreState) {
  state.runs = [
    makeRun('r1', {
      name: 'v2 vs v3',
      plan: {
        promptVersionIds: ['p-triage-v2', 'p-triage-v3'],
        models: [
          { provider: 'demo', model: 'triage-sim-2026-03' },
          { provider: 'demo', model: 'triage-sim-2026-09' },
        ],
        datasetId: 'ds-golden',
        repeats: 1,
        useCache: true,
        mode: 'stream' as const,
      },
    }),
  ]
  state.runResults = {
    r1: Array.from({ length: 12 }, (_, i) =>
      makeResult('r1', i, {
        promptVersionId: i % 2 === 0 ? 'p-triage-v2' : 'p-triage-v3',
        modelId: i % 2 === 0 ? 'triage-sim-2026-03' : 'triage-sim-2026-09',
      }),
    ),
  }
  // The dataset's names for the cases: case-0003 is tkt-0003, as the gate reports it.
  state.cases['ds-golden'] = Array.from({ length: 12 }, (_, i) =>
    makeCase(`tkt-${String(i).padStart(4, '0')}`, { id: `case-${String(i).padStart(4, '0')}` }),
  )
  const metrics = (format: number) => [
    makeMetric('format.json_schema', {
      label: 'Matches the triage schema',
      value: format,
      ci95: { low: 0.912, high: 0.981 },
    }),
    makeMetric('judge.priority_reasonable', {
      label: 'Priority',
      kind: 'mean',
      value: 0.8125,
      ci95: { low: 0.77, high: 0.85 },
    }),
  ]
  state.scoredSummaries = {
    r1: {
      runId: 'r1',
      suiteVersion: 2,
      slices: [
        makeSlice('p-triage-v2', 'triage-sim-2026-03', {
          metrics: metrics(1),
          byTag: [
            {
              tag: 'tier:enterprise',
              n: 30,
              metrics: [makeMetric('format.json_schema', { value: 1, n: 30 })],
            },
          ],
          costPerInteractionUsd: 0.0042,
          judgeCostUsd: 0.12,
          latencyP50Ms: 420,
          latencyP95Ms: 7250,
        }),
        makeSlice('p-triage-v3', 'triage-sim-2026-09', { metrics: metrics(0.9586) }),
      ],
    },
  }
  state.gateOutcomes = { [v3]: { verdict: 'fail', rules: [formatRule, dropRule] } }
}

async function openSummary(prepare: (state: FakeCoreState) => void = seed) {
  const view = await openRuns(prepare)
  fireEvent.click(await screen.findByTestId('run-row'))
  await screen.findByTestId('results-grid')
  expect(byId('run-tab-results').getAttribute('aria-selected')).toBe('true')
  fireEvent.click(byId('run-tab-summary'))
  await screen.findByTestId('run-summary')
  return view
}

const slice = (version: string) =>
  screen.getAllByTestId('summary-slice').find((s) => s.dataset.version === version)!

describe('run summary', () => {
  it('scores the stored outputs with a spinner, then shows each slice’s metrics, cost and latency', async () => {
    const { core } = await openSummary()
    expect(byId('run-summary').dataset.scored).toBe('false')
    expect(byId('summary-unscored')).toBeTruthy()
    const gate = deferred<void>()
    const score = core.handlers['runs.score']!
    core.handlers['runs.score'] = async (input) => {
      await gate.promise
      return score(input)
    }
    fireEvent.click(byId('score-run'))
    await waitFor(() => expect(byId<HTMLButtonElement>('score-run').disabled).toBe(true))
    expect(byId('score-run').textContent).toBe('Scoring…')
    expect(byId('score-run-status').textContent).toMatch(/Scoring for 0 s/)
    // The rest of the screen stays usable while scoring.
    fireEvent.click(byId('run-tab-results'))
    fireEvent.click(byId('run-tab-summary'))
    gate.resolve()
    await waitFor(() => expect(byId('run-summary').dataset.scored).toBe('true'))
    expect(byId('score-run').textContent).toBe('Score again')
    expect(core.transport.calls.filter((c) => c.method === 'runs.score')).toHaveLength(1)

    const card = slice('2')
    expect(card.dataset.model).toBe('triage-sim-2026-03')
    const metrics = within(card).getAllByTestId('summary-metric')
    expect(metrics.map((m) => m.dataset.metric)).toEqual(['format.json_schema', 'judge.priority_reasonable'])
    expect(metrics[0]!.textContent).toContain('100 %')
    expect(metrics[0]!.textContent).toContain('95 % CI 91.2–98.1 %')
    expect(metrics[0]!.textContent).toContain('145')
    expect(metrics[1]!.textContent).toContain('0.81')
    expect(within(slice('3')).getAllByTestId('summary-metric')[0]!.textContent).toContain('95.9 %')
    expect(within(card).getByTestId('summary-cost').textContent).toBe('$0.0042')
    expect(within(card).getByTestId('summary-latency').textContent).toBe('P50 420 ms · P95 7.25 s')
    expect(within(card).getByTestId('summary-judge-cost').textContent).toBe('$0.12')
    const tags = within(card).getByTestId<HTMLDetailsElement>('summary-tags')
    expect(tags.open).toBe(false)
    expect(within(tags).getByTestId('summary-tag').dataset.tag).toBe('tier:enterprise')
  })

  it('sets a baseline after a confirmation, evaluates the gate and lists the failing cases as text', async () => {
    const { core, state } = await openSummary()
    fireEvent.click(byId('score-run'))
    await waitFor(() => expect(byId('run-summary').dataset.scored).toBe('true'))

    // Nothing is set until the dialog is confirmed; closing it changes nothing.
    fireEvent.click(within(slice('2')).getByTestId('set-baseline'))
    expect(byId('set-baseline-dialog').textContent).toContain(
      'Set Ticket triage v2 on demo/triage-sim-2026-03 as the baseline?',
    )
    expect(screen.queryByTestId('set-baseline-replaces')).toBeNull()
    fireEvent.click(byId('set-baseline-dialog-keep'))
    expect(screen.queryByTestId('set-baseline-dialog')).toBeNull()
    expect(core.transport.calls.some((c) => c.method === 'baselines.set')).toBe(false)
    fireEvent.click(within(slice('2')).getByTestId('set-baseline'))
    fireEvent.click(byId('set-baseline-dialog-confirm'))
    await waitFor(() => expect(within(slice('2')).queryByTestId('baseline-badge')).toBeTruthy())
    expect(within(slice('3')).queryByTestId('baseline-badge')).toBeNull()
    expect(within(slice('3')).getByTestId('baseline-note').textContent).toContain(
      'v2 on demo/triage-sim-2026-03 (this run)',
    )
    expect(state.baselines?.[0]).toMatchObject({
      promptId: 'p-triage',
      runId: 'r1',
      datasetSnapshotId: 'snap-1',
    })
    // Setting another slice says which baseline it replaces.
    fireEvent.click(within(slice('3')).getByTestId('set-baseline'))
    expect(byId('set-baseline-replaces').textContent).toBe(
      'It replaces the current baseline, v2 on demo/triage-sim-2026-03 (this run).',
    )
    fireEvent.keyDown(document, { key: 'Escape' })
    expect(screen.queryByTestId('set-baseline-dialog')).toBeNull()

    fireEvent.click(within(slice('3')).getByTestId('evaluate-gate'))
    const result = await within(slice('3')).findByTestId('gate-result')
    expect(result.dataset.verdict).toBe('fail')
    expect(within(result).getByTestId('gate-verdict').textContent).toBe('Gate failed')
    expect(core.transport.calls.find((c) => c.method === 'gates.evaluate')?.input).toEqual({
      runId: 'r1',
      slice: { promptVersionId: 'p-triage-v3', provider: 'demo', modelId: 'triage-sim-2026-09' },
    })
    const rules = within(result).getAllByTestId('gate-rule')
    expect(rules.map((r) => r.dataset.verdict)).toEqual(['fail', 'inconclusive'])
    expect(within(rules[0]!).getByTestId('gate-rule-label').textContent).toBe(
      'format.json_schema pass rate ≥ 99 %',
    )
    expect(within(rules[0]!).getByTestId('gate-rule-candidate').textContent).toBe('95.9 %')
    expect(within(rules[1]!).getByTestId('gate-rule-delta').textContent).toBe(
      '−2.1 points · 95 % CI −6.2 points to +2.1 points',
    )
    expect(within(rules[1]!).getByTestId('gate-rule-test').textContent).toBe('McNemar exact, p = 0.42')
    expect(within(rules[1]!).getByTestId('gate-warning').textContent).toContain('cannot be detected')
    expect(within(rules[0]!).queryByTestId('gate-warning')).toBeNull()

    // Model output and scorer reasons are text, never markup.
    const failing = within(rules[0]!).getAllByTestId('gate-failing-case')
    expect(failing.map((c) => c.dataset.caseKey)).toEqual(['tkt-0003', 'tkt-0005'])
    expect(failing[0]!.textContent).toContain(xss)
    expect(document.querySelector('img')).toBeNull()

    fireEvent.click(failing[0]!)
    await waitFor(() => expect(byId('run-tab-results').getAttribute('aria-selected')).toBe('true'))
    // The case is named as the gate and the dataset name it, and typed so in the Case filter.
    expect(byId<HTMLInputElement>('results-filter-case').value).toBe('tkt-0003')
    expect(byId<HTMLSelectElement>('results-filter-version').value).toBe('p-triage-v3')
    expect(byId<HTMLSelectElement>('results-filter-model').value).toBe('demo/triage-sim-2026-09')
    await waitFor(() => expect(byId('results-total').textContent).toBe('1 result'))
    expect(screen.getByTestId('result-row').dataset.caseKey).toBe('tkt-0003')
    // …and that case's result is open, without another click.
    const detail = await screen.findByTestId('result-detail')
    expect(detail.getAttribute('aria-label')).toBe('Result for case tkt-0003')
    expect(detail.textContent).toContain('demo/triage-sim-2026-09')

    // Another failing case, with other filters set meanwhile: the grid shows only that case, open.
    fireEvent.change(byId('results-filter-status'), { target: { value: 'error' } })
    fireEvent.click(byId('run-tab-summary'))
    fireEvent.click(
      within(within(slice('3')).getAllByTestId('gate-rule')[0]!).getAllByTestId('gate-failing-case')[1]!,
    )
    await waitFor(() =>
      expect(screen.getByTestId('result-detail').getAttribute('aria-label')).toBe('Result for case tkt-0005'),
    )
    expect(byId<HTMLSelectElement>('results-filter-status').value).toBe('')
  })

  it('shows the last gate result again when the run is reopened', async () => {
    await openSummary((state) => {
      seed(state)
      state.summaries = { r1: state.scoredSummaries!.r1! }
      state.gateResults = [
        {
          id: 'g-old',
          promptId: 'p-triage',
          promptVersionId: 'p-triage-v3',
          candidateRunId: 'r1',
          candidate: { promptVersionId: 'p-triage-v3', provider: 'demo', modelId: 'triage-sim-2026-09' },
          baselineRunId: null,
          suiteVersion: 2,
          verdict: 'inconclusive',
          pairedCases: 0,
          rules: [dropRule],
          createdAt: '2025-04-01T09:00:00.000Z',
          createdBy: 'ana',
        },
      ]
    })
    const result = await within(slice('3')).findByTestId('gate-result')
    expect(result.dataset.verdict).toBe('inconclusive')
    expect(result.textContent).toContain('no baseline on this dataset snapshot')
    expect(within(slice('2')).queryByTestId('gate-result')).toBeNull()
  })
})

describe('canary runs', () => {
  it('shows where the canary stands and why it stopped', async () => {
    await openRuns((state) => {
      state.runs = [
        makeRun('r1', {
          status: 'cancelled',
          plan: { ...makeRun('x').plan, canary: { share: 0.1, seed: 1 } },
          canary: {
            share: 0.1,
            phase: 'stopped',
            sampleSize: 15,
            verdict: 'fail',
            reason: 'format.json_schema pass rate ≥ 99 % fails on the sample: 86.7 %',
          },
        }),
      ]
    })
    fireEvent.click(await screen.findByTestId('run-row'))
    const canary = await screen.findByTestId('run-canary')
    expect(canary.dataset.phase).toBe('stopped')
    expect(canary.dataset.verdict).toBe('fail')
    expect(canary.textContent).toContain('10 % · 15 cases')
    expect(canary.textContent).toContain('fails on the sample: 86.7 %')
    expect(byId('run-plan').textContent).toContain('10 % of the cases first')
  })

  it('plans a canary from the new-run form', async () => {
    const { core } = await openRuns()
    fireEvent.click(byId('runs-new'))
    await waitFor(() => expect(byId<HTMLInputElement>('new-run-version-3').checked).toBe(true))
    const share = byId<HTMLInputElement>('new-run-canary-share')
    expect(share.value).toBe('10')
    expect(share.disabled).toBe(true)
    expect(byId('new-run-canary-hint').textContent).toContain(
      'runs a random 10 % first, stops if it already fails the gate',
    )
    fireEvent.click(byId('new-run-canary'))
    fireEvent.change(share, { target: { value: '95' } })
    await waitFor(() => expect(byId('new-run-problems').textContent).toContain('canary share'))
    fireEvent.change(share, { target: { value: '20' } })
    expect(byId('new-run-canary-hint').textContent).toContain('a random 20 % first')
    await waitFor(() => expect(byId<HTMLButtonElement>('new-run-start').disabled).toBe(false))
    fireEvent.click(byId('new-run-start'))
    await screen.findByTestId('run-detail')
    expect(core.transport.calls.find((c) => c.method === 'runs.start')?.input).toMatchObject({
      canary: { share: 0.2, seed: 1 },
    })
  })
})
