import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { PairwiseCase, PairwiseComparison, PairwiseStart } from '../../../../shared/domain/pairwise'
import { createFakeCore, defaultState } from '../../fixtures/fake-core'
import { makeRun } from '../../fixtures/fake-runs'
import { makeRubric, makeSlice } from '../../fixtures/fake-scoring'
import { unnamed } from '../../a11y/names'
import { renderApp } from '../render-app'
import { series } from './fixtures'

vi.mock('../../../../renderer/src/lib/echarts/EChart', async () => {
  const { forwardRef } = await import('react')
  return {
    EChart: forwardRef<unknown, { testId: string }>(function FakeChart({ testId }, _ref) {
      return <div data-testid={testId} data-rendered="true" />
    }),
  }
})

beforeAll(() => import('../../../../renderer/src/features/compare/CompareScreen'))

const evil = '<img src=x onerror=alert(1)>'
const sliceA = { runId: 'run-1', promptVersionId: 'pv-a', provider: 'demo', modelId: 'triage-sim-2026-03' }
const sliceB = { runId: 'run-1', promptVersionId: 'pv-b', provider: 'demo', modelId: 'triage-sim-2026-09' }

function comparison(
  extra: Partial<PairwiseComparison['summary']> = {},
  status: PairwiseComparison['status'] = 'running',
): PairwiseComparison {
  return {
    id: 'pw-1',
    a: sliceA,
    b: sliceB,
    aLabel: 'A',
    bLabel: 'B',
    rubricId: 'rubric-1',
    rubricName: 'Triage quality v1',
    criterionKey: 'priority_reasonable',
    criterionName: 'Priority reasonable',
    judge: { provider: 'house-judge', model: 'arbiter-2' },
    status,
    error: null,
    createdAt: 't',
    updatedAt: 't',
    summary: {
      cases: 4,
      judged: 0,
      bWins: 0,
      aWins: 0,
      ties: 0,
      inconsistent: 0,
      failed: 0,
      noOutput: 1,
      bWinRate: null,
      interval: null,
      judgeCostUsd: 0,
      unpricedCalls: 0,
      judgeCalls: 0,
      ...extra,
    },
  }
}

const inconsistentCase: PairwiseCase = {
  caseId: 'c1',
  caseKey: 'ticket-1',
  a: { text: 'Priority p2', error: null, toolCalls: [] },
  b: { text: `Priority p1 ${evil}`, error: null, toolCalls: [] },
  outcome: 'tie',
  inconsistent: true,
  judgments: [
    { order: 'ab', verdict: 'a', reason: 'The first reads better.', error: null, costUsd: 0.001 },
    { order: 'ba', verdict: 'b', reason: 'The first reads better.', error: null, costUsd: 0.001 },
  ],
}

function setup() {
  const state = defaultState()
  state.runs = [makeRun('run-1', { name: 'March vs September' })]
  state.rubrics = [makeRubric()]
  state.summaries = {
    'run-1': {
      runId: 'run-1',
      suiteVersion: 1,
      slices: [makeSlice('pv-a', 'triage-sim-2026-03'), makeSlice('pv-b', 'triage-sim-2026-09')],
    },
  }
  const core = createFakeCore(state)
  core.handlers['compare.data'] = () => ({
    series: [series('a', sliceA), series('b', sliceB)],
    latencySloMs: null,
  })
  core.handlers['compare.promptTrend'] = ({ promptId }) => ({ promptId, points: [] })
  core.handlers['compare.cases'] = () => ({ total: 0, cases: [] })
  let stored: PairwiseComparison[] = []
  const started: PairwiseStart[] = []
  core.handlers['pairwise.list'] = () => stored
  core.handlers['pairwise.start'] = (input) => {
    started.push(input)
    stored = [comparison()]
    return stored[0]!
  }
  core.handlers['pairwise.cases'] = () => ({ total: 1, cases: [inconsistentCase] })
  const finish = () => {
    stored = [
      comparison(
        {
          cases: 3,
          judged: 3,
          bWins: 1,
          aWins: 1,
          ties: 1,
          inconsistent: 1,
          bWinRate: 0.5,
          interval: { low: 0.1, high: 0.9 },
          judgeCostUsd: 0.006,
          unpricedCalls: 2,
          judgeCalls: 6,
        },
        'completed',
      ),
    ]
    core.transport.emit('db.changed', { tables: ['pairwise_judgments', 'pairwise_comparisons'] })
  }
  return { core, started, finish }
}

afterEach(() => {
  cleanup()
  window.location.hash = ''
})

describe('PairwisePanel', () => {
  it('judges baseline (A) against candidate (B), follows the job and shows verdicts as text', async () => {
    const { core, started, finish } = setup()
    renderApp(core.transport, { initialRoute: 'compare' })
    await waitFor(() => expect(screen.getByTestId('compare-run').querySelectorAll('option')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('compare-add-run'))
    const panel = await screen.findByTestId('pairwise-panel')
    const form = within(panel)
    await waitFor(() => expect(form.getByTestId('pairwise-rubric').querySelectorAll('option').length).toBe(2))
    const start = form.getByTestId<HTMLButtonElement>('pairwise-start')
    expect(start.disabled).toBe(true)
    fireEvent.change(form.getByTestId('pairwise-rubric'), { target: { value: 'rub-triage-1' } })
    const criterion = form.getByTestId<HTMLSelectElement>('pairwise-criterion')
    fireEvent.change(criterion, { target: { value: criterion.options[1]?.value } })
    fireEvent.change(form.getByTestId('pairwise-judge'), { target: { value: 'house-judge/arbiter-2' } })
    expect(await unnamed(panel), 'controls without an accessible name').toEqual([])
    fireEvent.click(start)

    await waitFor(() => expect(form.getByTestId('pairwise-status').dataset.status).toBe('running'))
    expect(started).toEqual([
      {
        a: sliceA,
        b: sliceB,
        rubricId: 'rub-triage-1',
        criterionKey: criterion.options[1]?.value,
        judge: { provider: 'house-judge', model: 'arbiter-2' },
      },
    ])
    expect(form.getByTestId('pairwise-win-rate').textContent).toBe('—')

    finish()
    // Refetches after a change are throttled to one a second (invalidation.ts).
    await waitFor(() => expect(form.getByTestId('pairwise-status').dataset.status).toBe('completed'), {
      timeout: 5_000,
    })
    expect(form.getByTestId('pairwise-win-rate').textContent).toBe('50 % (95 % CI 10–90 %)')
    expect(form.getByTestId('pairwise-inconsistent').textContent).toBe('1')
    // Two answered calls had no price: the cost is a lower bound, never a plain (false) total.
    expect(form.getByTestId('pairwise-cost').textContent).toBe('≥ $0.0060 (2 calls without a price)')
    expect(form.queryByTestId('pairwise-resume')).toBeNull()

    const row = await form.findByTestId('pairwise-case')
    expect(row.dataset.inconsistent).toBe('true')
    fireEvent.click(row)
    const detail = await form.findByTestId('pairwise-case-detail')
    expect(within(detail).getByTestId('pairwise-output-b').textContent).toContain(evil)
    expect(detail.querySelector('img')).toBeNull()
    expect(
      within(detail)
        .getAllByTestId('pairwise-judgment')
        .map((j) => j.textContent),
    ).toEqual([
      'A shown first: A better — The first reads better.',
      'B shown first: B better — The first reads better.',
    ])
  })
})
