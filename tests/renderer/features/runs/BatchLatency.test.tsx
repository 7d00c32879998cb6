import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeCoreState } from '../../fixtures/fake-core'
import { makeResult, makeRun } from '../../fixtures/fake-runs'
import { makeSlice } from '../../fixtures/fake-scoring'
import { mockResultsViewport, openRuns } from './helpers'

let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockResultsViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
})

const byId = (id: string) => screen.getByTestId(id)
const resultRows = () => screen.queryAllByTestId('result-row')
const model = { provider: 'acme-openai', model: 'gpt-4o-mini' }

// Half of the run streamed (Azure would be), half answered through OpenAI's Batch API at the batch price.
function seed(state: FakeCoreState): void {
  state.runs = [
    makeRun('r-mixed', {
      name: 'Nightly triage',
      plan: { ...makeRun('x').plan, models: [model], mode: 'batch' },
      counts: { total: 4, done: 4, errors: 0, cached: 0, spentUsd: 0.0003 },
    }),
  ]
  state.runResults = {
    'r-mixed': [0, 1, 2, 3].map((i) =>
      makeResult('r-mixed', i, {
        provider: model.provider,
        modelId: model.model,
        costUsd: i < 2 ? 0.0001 : 0.00005,
        ...(i < 2 ? {} : { batch: true, ttftMs: null, totalMs: null }),
      }),
    ),
  }
  state.summaries = {
    'r-mixed': {
      runId: 'r-mixed',
      suiteVersion: 1,
      slices: [
        makeSlice('p-triage-v1', model.model, {
          provider: model.provider,
          results: 2300,
          latencyN: 300,
          batchResults: 2000,
        }),
      ],
    },
  }
}

describe('batch answers where latency is shown', () => {
  it('shows "batch" in the grid and the detail, and says what P50/P95 leave out', async () => {
    await openRuns(seed)
    fireEvent.click(await screen.findByTestId('run-row'))
    await waitFor(() => expect(resultRows()).toHaveLength(4))
    const latency = resultRows().map((r) => within(r).getByTestId('result-latency').textContent)
    expect(latency).toEqual(['95', '95', 'batch', 'batch'])

    fireEvent.click(resultRows()[2]!.querySelector('.result-cell')!)
    const detail = await screen.findByTestId('result-detail')
    await waitFor(() =>
      expect(within(detail).getByTestId('result-latency').textContent).toBe(
        "batch — answered through the provider's Batch API · first token not applicable",
      ),
    )
    expect(detail.textContent).toContain('$0.00005')
    fireEvent.click(resultRows()[0]!.querySelector('.result-cell')!)
    await waitFor(() =>
      expect(within(byId('result-detail')).getByTestId('result-latency').textContent).toBe(
        'first token 40 ms · total 95 ms',
      ),
    )

    fireEvent.click(byId('run-tab-summary'))
    const card = await screen.findByTestId('summary-slice')
    expect(within(card).getByTestId('summary-latency').textContent).toBe(
      'P50 420 ms · P95 1.85 s (P95 over 300 streamed calls; 2,000 batch results have no latency)',
    )
  })

  it('says "batch" rather than a blank when every answer came through a Batch API', async () => {
    await openRuns((state) => {
      seed(state)
      const only = makeSlice('p-triage-v1', model.model, {
        provider: model.provider,
        latencyP50Ms: null,
        latencyP95Ms: null,
        latencyN: 0,
        batchResults: 2000,
      })
      state.summaries = { 'r-mixed': { runId: 'r-mixed', suiteVersion: 1, slices: [only] } }
    })
    fireEvent.click(await screen.findByTestId('run-row'))
    fireEvent.click(byId('run-tab-summary'))
    const card = await screen.findByTestId('summary-slice')
    expect(within(card).getByTestId('summary-latency').textContent).toBe(
      'batch (2,000 batch results have no latency)',
    )
  })
})
