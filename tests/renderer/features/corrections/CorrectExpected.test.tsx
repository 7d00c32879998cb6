import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/contract'
import type { CorrectionTarget, ExpectedCorrection } from '../../../../shared/domain/corrections'
import { createClient, createMemoryTransport, type MemoryHandlers } from '../../../../renderer/src/api'
import { createQueryClient, RpcClientContext } from '../../../../renderer/src/api/query'
import { CorrectExpected } from '../../../../renderer/src/features/corrections/CorrectExpected'

afterEach(cleanup)

const target: CorrectionTarget = {
  datasetId: 'ds-1',
  datasetName: 'Refund tickets',
  caseKey: 'RF-12',
  expected: { queue: 'billing', score: 3 },
  working: { queue: 'billing', score: 3 },
}

function renderCorrect(handlers: MemoryHandlers) {
  const transport = createMemoryTransport(handlers)
  render(
    <RpcClientContext.Provider value={createClient(transport)}>
      <QueryClientProvider client={createQueryClient()}>
        <CorrectExpected runId="run-1" caseId="case-12" />
      </QueryClientProvider>
    </RpcClientContext.Provider>,
  )
  fireEvent.click(screen.getByTestId('correct-expected-open'))
  return transport
}

const saved = (input: { field: string; value: unknown; reason: string }): ExpectedCorrection => ({
  caseId: 'case-12',
  key: 'RF-12',
  field: input.field,
  before: 'billing',
  after: input.value as ExpectedCorrection['after'],
  reason: input.reason,
  runId: 'run-1',
  runName: 'Refunds on two models',
  origin: { kind: 'result' },
  snapshotNumber: 1,
  by: 'noor',
  at: '2026-12-05T10:00:00.000Z',
})

describe('update the expected value from a run result', () => {
  it('sends the field in its own type with the reason, and says where it was written', async () => {
    const transport = renderCorrect({
      'cases.correctionTarget': () => target,
      'cases.correctExpected': (input) => saved(input),
    })
    fireEvent.change(await screen.findByTestId('correct-field'), { target: { value: 'score' } })
    fireEvent.change(screen.getByTestId('correct-value'), { target: { value: '4' } })
    fireEvent.change(screen.getByTestId('correct-reason'), { target: { value: 'Rubric v2 scores it 4' } })
    fireEvent.click(screen.getByTestId('correct-save'))
    expect((await screen.findByTestId('correct-expected-done')).textContent).toContain(
      'Expected score of case “RF-12” is now 4 in the working copy of “Refund tickets”',
    )
    expect(transport.calls.find((c) => c.method === 'cases.correctExpected')?.input).toEqual({
      runId: 'run-1',
      caseId: 'case-12',
      field: 'score',
      value: 4,
      reason: 'Rubric v2 scores it 4',
    })
  })

  it('says up front when the case left the working copy, and shows a refusal as a sentence', async () => {
    renderCorrect({ 'cases.correctionTarget': () => ({ ...target, working: null }) })
    expect((await screen.findByTestId('correct-expected-gone')).textContent).toContain(
      'Case “RF-12” is no longer in the working copy of “Refund tickets”',
    )
    cleanup()
    renderCorrect({
      'cases.correctionTarget': () => target,
      'cases.correctExpected': () => {
        throw new AppError('CONFLICT', 'The expected "queue" of case "RF-12" changed since run "Refunds".')
      },
    })
    fireEvent.change(await screen.findByTestId('correct-value'), { target: { value: 'account' } })
    fireEvent.change(screen.getByTestId('correct-reason'), { target: { value: 'Misfiled' } })
    fireEvent.click(screen.getByTestId('correct-save'))
    expect((await screen.findByText(/changed since run "Refunds"/)).textContent).toBeTruthy()
  })
})
