import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { QueueReport } from '../../../../shared/domain/review'
import { makeQueue } from '../../fixtures/fake-review'
import { calls, openReview } from './helpers'

afterEach(() => {
  cleanup()
  localStorage.clear()
  history.replaceState(null, '', '/')
})

const report: QueueReport = {
  queueId: 'q1',
  agreement: [
    {
      criterionKey: 'category_correct',
      criterionName: 'Category correct',
      items: 20,
      reviewers: 2,
      cohensKappa: 0.6,
      krippendorffAlpha: 0.61,
      percentAgreement: 0.85,
    },
    {
      criterionKey: 'tone',
      criterionName: 'Tone',
      items: 1,
      reviewers: 3,
      cohensKappa: null,
      krippendorffAlpha: -0.1,
      percentAgreement: null,
    },
  ],
  disagreements: [
    {
      itemId: 'it-7',
      caseKey: 'tkt-7',
      criterionKey: 'category_correct',
      scores: [
        { reviewerName: 'Ana', raw: 1, comment: 'billing is right' },
        { reviewerName: 'Ben', raw: 0, comment: '' },
      ],
      adjudicated: null,
      expected: { category: 'billing', needs_human: true },
      correctable: true,
    },
  ],
  winRate: null,
  calibration: [
    {
      criterionKey: 'category_correct',
      judgeMetric: 'judge.category',
      items: 18,
      cohensKappa: 0.7,
      krippendorffAlpha: 0.71,
      percentAgreement: 0.9,
    },
  ],
}

async function openReport(prepare: Parameters<typeof openReview>[0] = () => undefined) {
  const opened = await openReview((state) => {
    state.reports = { q1: structuredClone(report) }
    prepare(state)
  })
  fireEvent.click(await screen.findByTestId('queue-row'))
  fireEvent.click(screen.getByTestId('queue-tab-report'))
  await screen.findByTestId('queue-report')
  return opened
}

describe('queue report', () => {
  it('shows κ, α and agreement per criterion, the disagreements and judge calibration', async () => {
    await openReport()
    const rows = screen.getAllByTestId('agreement-row')
    expect(rows.map((r) => r.dataset.key)).toEqual(['category_correct', 'tone'])
    const first = rows[0] as HTMLElement
    expect(within(first).getByTestId('agreement-kappa').textContent).toBe('0.60')
    expect(within(first).getByTestId('agreement-alpha').textContent).toBe('0.61')
    expect(first.textContent).toContain('85 %')
    expect(within(rows[1] as HTMLElement).getByTestId('agreement-kappa').textContent).toBe('—')
    expect(within(rows[1] as HTMLElement).getByTestId('agreement-alpha').textContent).toBe('−0.10')
    const d = screen.getByTestId('disagreement')
    expect(d.dataset.itemId).toBe('it-7')
    expect(d.textContent).toContain('Ana: Pass — billing is right')
    expect(d.textContent).toContain('Ben: Fail')
    expect(screen.getByTestId('calibration-row').textContent).toContain('judge.category')
  })

  it('adjudicates a disagreement inline and shows the badge', async () => {
    const { core } = await openReport()
    fireEvent.change(screen.getByTestId('adjudicate-value'), { target: { value: '0' } })
    fireEvent.change(screen.getByTestId('adjudicate-reason'), {
      target: { value: 'Ticket is about shipping' },
    })
    fireEvent.click(screen.getByTestId('adjudicate-save'))
    await screen.findByTestId('adjudicated')
    expect(calls(core, 'queues.adjudicate')[0]?.input).toEqual({
      queueId: 'q1',
      itemId: 'it-7',
      criterionKey: 'category_correct',
      raw: 0,
      reason: 'Ticket is about shipping',
    })
    expect(screen.getByTestId('disagreement').textContent).toContain('Fail by ana')
  })

  it('"update the expected value" sends the corrected field with the adjudication, typed like the field', async () => {
    const { core } = await openReport()
    fireEvent.change(screen.getByTestId('adjudicate-reason'), { target: { value: 'Refunds are account' } })
    fireEvent.click(screen.getByTestId('adjudicate-update-expected'))
    expect(screen.getByTestId<HTMLInputElement>('correct-value').value).toBe('billing')
    fireEvent.change(screen.getByTestId('correct-field'), { target: { value: 'needs_human' } })
    fireEvent.change(screen.getByTestId('correct-value'), { target: { value: 'maybe' } })
    fireEvent.click(screen.getByTestId('adjudicate-save'))
    expect((await screen.findByTestId('adjudicate-form-error')).textContent).toContain('written as JSON')
    expect(calls(core, 'queues.adjudicate')).toHaveLength(0)
    fireEvent.change(screen.getByTestId('correct-field'), { target: { value: 'category' } })
    fireEvent.change(screen.getByTestId('correct-value'), { target: { value: 'account' } })
    fireEvent.click(screen.getByTestId('adjudicate-save'))
    expect((await screen.findByTestId('adjudicated-correction')).textContent).toContain(
      'expected category corrected to account',
    )
    expect(calls(core, 'queues.adjudicate')[0]?.input).toMatchObject({
      raw: 1,
      reason: 'Refunds are account',
      expected: { field: 'category', value: 'account' },
    })
  })

  it('follows a write from anywhere: scores and queues written by another client refresh the open screen', async () => {
    const { core, state } = await openReport()
    // A reviewer scores in another window: the agreement changes.
    state.reports!.q1!.agreement[0]!.cohensKappa = 0.8
    core.transport.emit('db.changed', { tables: ['review_scores', 'review_assignments', 'run_scores'] })
    await waitFor(() =>
      expect(
        within(screen.getAllByTestId('agreement-row')[0]!).getByTestId('agreement-kappa').textContent,
      ).toBe('0.80'),
    )
    // The CLI imports a pack: a second queue joins the list.
    state.queues!.push(makeQueue('q2', { name: 'Imported pack', createdAt: '2030-01-01T00:00:00.000Z' }))
    core.transport.emit('db.changed', { tables: ['review_queues', 'review_items', 'review_assignments'] })
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(2))
    expect(screen.getAllByTestId('queue-row')[0]!.textContent).toContain('Imported pack')
  })

  it('pairwise: the win rate of A with its 95 % interval', async () => {
    await openReport((state) => {
      state.queues = [makeQueue('q1', { mode: 'pairwise' })]
      const pairwise = structuredClone(report)
      pairwise.winRate = {
        a: { promptVersionId: 'p-triage-v3', provider: 'demo', modelId: 'triage-sim-2026-09' },
        b: { promptVersionId: 'p-triage-v2', provider: 'demo', modelId: 'triage-sim-2026-03' },
        judgments: 40,
        aWins: 24,
        bWins: 12,
        ties: 4,
        winRateA: 0.65,
        ci95: { low: 0.497, high: 0.779 },
      }
      state.reports = { q1: pairwise }
    })
    const panel = screen.getByTestId('win-rate')
    expect(panel.textContent).toContain('A wins 65 % (95 % CI 50 %–78 %)')
    await waitFor(() => expect(panel.textContent).toContain('Ticket triage v3 on demo/triage-sim-2026-09'))
  })
})
