import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CompareCase } from '../../../../shared/domain/compare'
import { AppError } from '../../../../shared/contract'
import { createFakeCore, defaultState } from '../../fixtures/fake-core'
import { makeRun } from '../../fixtures/fake-runs'
import { makeSlice } from '../../fixtures/fake-scoring'
import { renderApp } from '../render-app'
import { series } from './fixtures'

// ECharts needs a canvas that happy-dom lacks; the option builders have their own tests.
vi.mock('../../../../renderer/src/lib/echarts/EChart', async () => {
  const { forwardRef } = await import('react')
  return {
    EChart: forwardRef<unknown, { testId: string }>(function FakeChart({ testId }, _ref) {
      return <div data-testid={testId} data-rendered="true" />
    }),
  }
})

// The shell loads this screen as a chunk of its own; importing it once here keeps the first test's wait
// about the screen, not about transforming the module on a busy machine.
beforeAll(() => import('../../../../renderer/src/features/compare/CompareScreen'))

const evil = '<img src=x onerror=alert(1)>'

function compareCase(caseId: string, change: number): CompareCase {
  return {
    caseId,
    caseKey: `key-${caseId}`,
    tags: ['tier:free'],
    baseline: { text: 'Category: billing', error: null, toolCalls: [] },
    candidate: { text: `Category: refunds ${evil}`, error: null, toolCalls: [] },
    scores: [{ metric: 'accuracy', baseline: 1, candidate: change < 0 ? 0 : 1 }],
    change,
  }
}

function setup() {
  const state = defaultState()
  state.runs = [makeRun('run-1', { name: 'March vs September' })]
  state.summaries = {
    'run-1': {
      runId: 'run-1',
      suiteVersion: 1,
      slices: [makeSlice('pv-a', 'triage-sim-2026-03'), makeSlice('pv-b', 'triage-sim-2026-09')],
    },
  }
  const core = createFakeCore(state)
  const a = series('v4 · march', {
    runId: 'run-1',
    promptVersionId: 'pv-a',
    provider: 'demo',
    modelId: 'triage-sim-2026-03',
  })
  const b = series('v5 · september', {
    runId: 'run-1',
    promptVersionId: 'pv-b',
    provider: 'demo',
    modelId: 'triage-sim-2026-09',
  })
  core.handlers['compare.data'] = () => ({ series: [a, b], latencySloMs: 1200 })
  core.handlers['compare.promptTrend'] = ({ promptId }) => ({ promptId, points: [] })
  core.handlers['compare.cases'] = ({ filter }) => {
    const all = [compareCase('c1', -1), compareCase('c2', 1)]
    const cases = filter === 'regressions' ? all.filter((c) => c.change < 0) : all
    return { total: cases.length, cases }
  }
  return core
}

afterEach(() => {
  cleanup()
  window.location.hash = ''
})

describe('CompareScreen', () => {
  it('asks for two scored slices before anything is added', async () => {
    renderApp(setup().transport, { initialRoute: 'compare' })
    expect(await screen.findByTestId('compare-empty')).toBeTruthy()
  })

  it('adds a run, shows every chart, filters to regressions and shows the diff as text only', async () => {
    const core = setup()
    renderApp(core.transport, { initialRoute: 'compare' })
    await waitFor(() => expect(screen.getByTestId('compare-run').querySelectorAll('option')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('compare-add-run'))

    for (const id of [
      'chart-quality',
      'chart-quality-segment',
      'chart-cost',
      'chart-cost-segment',
      'chart-latency',
      'chart-pareto',
      'chart-trend',
    ])
      expect(await screen.findByTestId(id)).toBeTruthy()
    expect(screen.getAllByTestId('compare-slice')).toHaveLength(2)
    expect(screen.getAllByTestId('chart-export-png')).toHaveLength(7)

    await waitFor(() => expect(screen.getByTestId('compare-cases-total').textContent).toBe('2'))
    fireEvent.change(screen.getByTestId('compare-filter'), { target: { value: 'regressions' } })
    await waitFor(() => expect(screen.getByTestId('compare-cases-total').textContent).toBe('1'))
    const row = screen.getByTestId('compare-case')
    expect(row.dataset.change).toBe('regression')

    fireEvent.click(row)
    const diff = await screen.findByTestId('case-diff')
    expect(diff.querySelector('img')).toBeNull()
    expect(within(diff).getByTestId('case-diff-candidate').textContent).toContain(evil)
    expect(diff.querySelector('.diff-added')?.textContent).toContain('refunds')
    expect(diff.querySelector('.diff-removed')?.textContent).toContain('billing')
  })

  it("diffs the two sides' tool calls and their arguments, as text", async () => {
    const core = setup()
    const route = (queue: string) => `{"queue":"${queue}","priority":"p2","note":"${evil}"}`
    const base = compareCase('c1', -1)
    core.handlers['compare.cases'] = () => ({
      total: 1,
      cases: [
        {
          ...base,
          baseline: {
            text: '',
            error: null,
            toolCalls: [{ id: 'call_1', name: 'route_ticket', arguments: route('billing') }],
          },
          candidate: {
            text: '',
            error: null,
            toolCalls: [
              { id: 'toolu_1', name: 'route_ticket', arguments: route('sales') },
              { id: 'toolu_2', name: 'add_note', arguments: 'not json' },
            ],
          },
        },
      ],
    })
    renderApp(core.transport, { initialRoute: 'compare' })
    await waitFor(() => expect(screen.getByTestId('compare-run').querySelectorAll('option')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('compare-add-run'))
    fireEvent.click(await screen.findByTestId('compare-case'))
    const tools = await screen.findByTestId('case-diff-tools')
    const before = within(tools).getByTestId('case-diff-tools-baseline')
    const after = within(tools).getByTestId('case-diff-tools-candidate')
    // Arguments pretty-printed, one field a line, so the diff marks the field that changed.
    expect(before.textContent).toContain('#1 route_ticket\n{\n  "queue": "billing",')
    expect(after.textContent).toContain('#2 add_note (arguments are not JSON)\nnot json')
    expect(before.querySelector('.diff-removed')?.textContent).toContain('billing')
    expect([...after.querySelectorAll('.diff-added')].map((n) => n.textContent).join('')).toContain('sales')
    // The answers have no text: each side shows its calls on one line, not a blank.
    const text = within(screen.getByTestId('case-diff'))
    expect(text.getByTestId('case-diff-baseline').textContent).toContain('→ route_ticket {"queue":"billing",')
    expect(text.getByTestId('case-diff-candidate').textContent).toContain('→ add_note not json')
    // Call ids differ on every call and are not part of the diff; markup in arguments stays characters.
    expect(tools.textContent).not.toContain('toolu_1')
    expect(tools.querySelector('img')).toBeNull()
    expect(after.textContent).toContain(evil.replace(/"/g, '\\"'))
  })

  it('follows a write from anywhere: scores written elsewhere refresh the open cases, with one refetch', async () => {
    const core = setup()
    renderApp(core.transport, { initialRoute: 'compare' })
    await waitFor(() => expect(screen.getByTestId('compare-run').querySelectorAll('option')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('compare-add-run'))
    await waitFor(() => expect(screen.getByTestId('compare-cases-total').textContent).toBe('2'))
    const casesCalls = () => core.transport.calls.filter((c) => c.method === 'compare.cases').length
    const before = casesCalls()

    core.handlers['compare.cases'] = () => {
      const all = [compareCase('c1', -1), compareCase('c2', 1), compareCase('c3', -1)]
      return { total: all.length, cases: all }
    }
    // A judge scoring the run elsewhere (the CLI, another window) writes scores.
    core.transport.emit('db.changed', { tables: ['run_scores', 'score_calls'] })
    await waitFor(() => expect(screen.getByTestId('compare-cases-total').textContent).toBe('3'))
    expect(screen.getAllByTestId('compare-case')).toHaveLength(3)
    expect(casesCalls()).toBe(before + 1)
  })

  it('projects the monthly cost of the candidate from DAU per segment', async () => {
    renderApp(setup().transport, { initialRoute: 'compare' })
    await waitFor(() => expect(screen.getByTestId('compare-run').querySelectorAll('option')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('compare-add-run'))
    await screen.findByTestId('projection')
    fireEvent.change(screen.getByTestId('projection-dimension'), { target: { value: 'tier' } })
    const dau = screen.getAllByTestId('projection-dau')
    fireEvent.change(
      dau.find((d) => d.dataset.segment === 'tier:enterprise')!,
      { target: { value: '1000' } },
    )
    fireEvent.change(screen.getByTestId('projection-interactions'), { target: { value: '2' } })
    // 1000 users × 2 × 30 days × $0.002 = $120
    expect(screen.getByTestId('projection-monthly-cost').textContent).toBe('$120.00')
    expect(screen.getAllByTestId('projection-row').map((r) => r.dataset.segment)).toEqual([
      'tier:enterprise',
      'tier:free',
    ])
  })

  it('says what to tag on an untagged dataset and still projects all cases from typed daily users', async () => {
    const core = setup()
    const untagged = (label: string, modelId: string, cost: number) =>
      series(label, {
        runId: 'run-1',
        // The fake run's slices are the demo's; the dataset behind them has no tags.
        provider: 'demo',
        modelId,
        byTag: [],
        costByTag: [],
        costPerInteractionUsd: cost,
      })
    core.handlers['compare.data'] = () => ({
      series: [untagged('a', 'triage-sim-2026-03', 0.001), untagged('b', 'triage-sim-2026-09', 0.004)],
      latencySloMs: null,
    })
    renderApp(core.transport, { initialRoute: 'compare' })
    await waitFor(() => expect(screen.getByTestId('compare-run').querySelectorAll('option')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('compare-add-run'))
    expect((await screen.findByTestId('compare-untagged')).textContent).toContain('tier:enterprise')
    expect(screen.queryByTestId('compare-segment')).toBeNull()
    expect(screen.getByTestId('chart-quality-segment')).toBeTruthy()
    expect(screen.getByTestId('projection-untagged')).toBeTruthy()
    expect(screen.getAllByTestId('projection-row').map((r) => r.dataset.segment)).toEqual(['all cases'])
    fireEvent.change(screen.getByLabelText('Daily active users, all cases'), { target: { value: '500' } })
    fireEvent.change(screen.getByTestId('projection-interactions'), { target: { value: '2' } })
    // The candidate (the second series): 500 users × 2 × 30 days × $0.004 = $120
    expect(screen.getByTestId('projection-monthly-cost').textContent).toBe('$120.00')
  })
})

describe('a #/compare?runs= address given while the app runs', () => {
  it('adds the named run when a link is followed from another screen', async () => {
    const core = setup()
    const { stores } = renderApp(core.transport, { initialRoute: 'runs' })
    await waitFor(() => expect(stores.app.getState().phase).toBe('ready'))
    window.location.hash = '#/compare?runs=run-1'
    expect(await screen.findByTestId('compare-screen')).toBeTruthy()
    await waitFor(() => expect(screen.getAllByTestId('compare-slice')).toHaveLength(2))
    expect(stores.compare.getState().runs).toEqual([{ id: 'run-1', name: 'March vs September' }])
    expect(await screen.findByTestId('chart-quality')).toBeTruthy()
  })

  it('adds the named run when the address changes on the compare screen itself', async () => {
    const core = setup()
    const { stores } = renderApp(core.transport, { initialRoute: 'compare' })
    expect(await screen.findByTestId('compare-empty')).toBeTruthy()
    window.location.hash = '#/compare?runs=run-1'
    await waitFor(() => expect(screen.getAllByTestId('compare-slice')).toHaveLength(2))
    expect(stores.compare.getState().runs.map((r) => r.id)).toEqual(['run-1'])
  })
})

describe('errors on Compare', () => {
  it('say what to do next when a run cannot be added or the comparison cannot load', async () => {
    const core = setup()
    core.handlers['runs.summary'] = () => {
      throw new AppError('NOT_FOUND', 'No run with id run-1.')
    }
    renderApp(core.transport, { initialRoute: 'compare' })
    await waitFor(() => expect(screen.getByTestId('compare-run').querySelectorAll('option')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('compare-add-run'))
    const notAdded = await screen.findByTestId('compare-add-error')
    expect(notAdded.textContent).toContain('No run with id run-1.')
    expect(notAdded.querySelector('.error-hint')?.textContent).toMatch(/go back to the list/)

    const working = setup()
    working.handlers['compare.data'] = () => {
      throw new AppError('INTERNAL', 'Unexpected error: database disk image is malformed')
    }
    cleanup()
    renderApp(working.transport, { initialRoute: 'compare' })
    await waitFor(() => expect(screen.getByTestId('compare-run').querySelectorAll('option')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('compare-add-run'))
    const notLoaded = await screen.findByTestId('compare-load-error')
    expect(notLoaded.textContent).toContain('Could not load the comparison')
    expect(notLoaded.querySelector('.error-hint')?.textContent).toMatch(
      /^Something went wrong inside Eval Lab/,
    )
    expect(notLoaded.textContent).not.toMatch(/INTERNAL|NOT_FOUND/)
  })
})
