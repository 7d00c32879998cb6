import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeCoreState } from '../../fixtures/fake-core'
import { makeResult, makeRun } from '../../fixtures/fake-runs'
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

const markup = '<img src=x onerror=alert(1)>'
const slice = { promptVersionId: 'p-triage-v1', provider: 'acme-gateway', modelId: 'acme-7b', repeat: 0 }

function seed(state: FakeCoreState) {
  state.runs = [makeRun('r1', { name: 'promptfoo tests' })]
  state.runResults = { r1: [makeResult('r1', 0, { ...slice, responseText: `{"category":"bug"} ${markup}` })] }
  state.scores = {
    r1: [
      {
        ...{ caseId: 'case-0000', ...slice, metric: 'promptfoo.pass', source: 'assertions' },
        ...{ value: 0, raw: 0.5, passed: false, reason: `Expected output to contain "p3" ${markup}` },
        details: {
          assertions: [
            {
              type: 'is-json',
              status: 'scored',
              pass: true,
              score: 1,
              reason: 'Assertion passed',
              weight: 1,
            },
            {
              type: 'contains',
              status: 'scored',
              pass: false,
              score: 0,
              reason: `no p3 ${markup}`,
              weight: 1,
            },
            { type: 'python', status: 'unsupported', pass: false, score: 0, reason: 'not run', weight: 1 },
          ],
        },
      },
      // Another model's score of the same case is not this result's.
      {
        ...{
          caseId: 'case-0000',
          ...slice,
          modelId: 'other',
          metric: 'promptfoo.pass',
          source: 'assertions',
        },
        ...{ value: 1, raw: 1, passed: true, reason: 'All assertions passed', details: {} },
      },
    ],
  }
}

describe("a result's scores in its detail", () => {
  it('lists each scorer and every promptfoo assertion with its verdict and reason, as text', async () => {
    await openRuns(seed)
    fireEvent.click(await screen.findByTestId('run-row'))
    await waitFor(() => expect(screen.queryAllByTestId('result-row')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('result-row').querySelector('.result-cell')!)

    const scores = await screen.findByTestId('result-scores')
    await waitFor(() => expect(within(scores).getAllByTestId('result-score')).toHaveLength(1))
    const score = within(scores).getByTestId('result-score')
    expect(score.dataset.verdict).toBe('fail')
    expect(within(score).getByTestId('result-score-value').textContent).toBe('0')
    expect(score.textContent).toContain('(raw 0.5)')
    const rows = within(score).getAllByTestId('result-assertion')
    expect(rows.map((r) => [r.dataset.type, r.dataset.pass])).toEqual([
      ['is-json', 'pass'],
      ['contains', 'fail'],
      ['python', 'not run'],
    ])
    expect(rows[1]?.textContent).toContain(`no p3 ${markup}`)
    expect(score.textContent).toContain(`Expected output to contain "p3" ${markup}`)
    expect(document.querySelector('img')).toBeNull()
  })
})
