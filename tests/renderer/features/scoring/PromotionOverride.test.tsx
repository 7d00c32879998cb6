import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, defaultState, type FakeCoreState } from '../../fixtures/fake-core'
import { appState, renderApp } from '../render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)

async function openProdPromotion(prepare: (state: FakeCoreState) => void = () => undefined) {
  const state = defaultState()
  state.evalGate = true
  prepare(state)
  const core = createFakeCore(state)
  renderApp(core.transport)
  await waitFor(() => expect(appState()).toBe('ready'))
  fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
  fireEvent.click(await screen.findByTestId('promote-prod'))
  const dialog = await screen.findByTestId('promotion-dialog')
  await waitFor(() => expect(within(dialog).getAllByTestId('gate-requirement')).toHaveLength(3))
  return { core, state, dialog }
}

const requirement = (dialog: HTMLElement, key: string) =>
  within(dialog)
    .getAllByTestId('gate-requirement')
    .find((r) => r.dataset.key === key)!
const confirm = () => byId<HTMLButtonElement>('confirm-promotion')

describe('promotion with an eval gate', () => {
  it('keeps prod blocked while the approval is missing, whatever the override', async () => {
    const { dialog } = await openProdPromotion()
    expect(requirement(dialog, 'eval_gate').dataset.overridable).toBe('true')
    expect(requirement(dialog, 'eval_gate').dataset.satisfied).toBe('false')
    expect(requirement(dialog, 'approval').dataset.overridable).toBe('false')
    fireEvent.change(byId('promotion-reason'), { target: { value: 'Ship it' } })
    expect(screen.queryByTestId('gate-override')).toBeNull()
    expect(confirm().disabled).toBe(true)
    expect(byId('gate-blocked').textContent).toContain('blocked until every requirement is met')
  })

  it('promotes over a failed gate only with a recorded reason once the approval is in', async () => {
    const { core, state, dialog } = await openProdPromotion((s) => {
      s.approvals.push({
        id: 'a1',
        promptId: 'p-reply',
        versionId: 'p-reply-v2',
        versionNumber: 2,
        env: 'prod',
        approver: 'ana',
        comment: 'ok',
        createdAt: '2025-02-01T10:00:00.000Z',
      })
    })
    expect(requirement(dialog, 'approval').dataset.satisfied).toBe('true')
    fireEvent.change(byId('promotion-reason'), { target: { value: 'Hotfix for refunds' } })
    expect(confirm().disabled).toBe(true)
    expect(byId('gate-blocked').textContent).toContain('override it with a reason')

    fireEvent.click(byId('gate-override'))
    expect(confirm().disabled).toBe(true)
    fireEvent.change(byId('gate-override-reason'), { target: { value: 'Gate data predates the fix' } })
    expect(confirm().disabled).toBe(false)
    fireEvent.click(confirm())
    await waitFor(() => expect(screen.queryByTestId('promotion-dialog')).toBeNull())
    expect(core.transport.calls.find((c) => c.method === 'prompts.promote')?.input).toEqual({
      promptId: 'p-reply',
      versionId: 'p-reply-v2',
      env: 'prod',
      reason: 'Hotfix for refunds',
      overrideGateReason: 'Gate data predates the fix',
    })
    expect(state.history['p-reply']?.at(-1)?.text).toContain(
      'eval gate overridden: Gate data predates the fix',
    )
  })

  it('needs no override once the version has a passing gate', async () => {
    const { core, dialog } = await openProdPromotion((s) => {
      s.approvals.push({
        id: 'a1',
        promptId: 'p-reply',
        versionId: 'p-reply-v2',
        versionNumber: 2,
        env: 'prod',
        approver: 'ana',
        comment: 'ok',
        createdAt: '2025-02-01T10:00:00.000Z',
      })
      s.gateResults = [
        {
          id: 'g1',
          promptId: 'p-reply',
          promptVersionId: 'p-reply-v2',
          candidateRunId: 'r1',
          candidate: { promptVersionId: 'p-reply-v2', provider: 'openai', modelId: 'gpt-4o-mini' },
          baselineRunId: 'r0',
          suiteVersion: 1,
          verdict: 'pass',
          pairedCases: 145,
          rules: [],
          createdAt: '2025-03-01T10:00:00.000Z',
          createdBy: 'ana',
        },
      ]
    })
    expect(requirement(dialog, 'eval_gate').dataset.satisfied).toBe('true')
    expect(screen.queryByTestId('gate-override')).toBeNull()
    fireEvent.change(byId('promotion-reason'), { target: { value: 'Passed the gate' } })
    await waitFor(() => expect(confirm().disabled).toBe(false))
    fireEvent.click(confirm())
    await waitFor(() => expect(screen.queryByTestId('promotion-dialog')).toBeNull())
    expect(core.transport.calls.find((c) => c.method === 'prompts.promote')?.input).not.toHaveProperty(
      'overrideGateReason',
    )
  })
})
