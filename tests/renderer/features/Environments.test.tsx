import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, defaultState, deferred, version, type FakeCoreState } from '../fixtures/fake-core'
import { appState, renderApp } from './render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

/** p-reply v1..v4; prod went v1 → v2 → v3, staging serves v4. */
function promotedState(): FakeCoreState {
  const state = defaultState()
  const reply = state.prompts[0]!
  reply.versions.push(
    version('p-reply', 3, 'Ticket: {{ticket}}\nBe kind.'),
    version('p-reply', 4, 'T: {{ticket}}'),
  )
  reply.env = { staging: 4, prod: 3 }
  const move = (id: number, to: number, from: number | null, env: 'staging' | 'prod') => ({
    id,
    at: `2025-01-1${id}T10:00:00.000Z`,
    actor: 'ana',
    action: 'env.promoted' as const,
    versionNumber: to,
    fromVersionNumber: from,
    env,
    text: `ship v${to}`,
  })
  state.history['p-reply'] = [
    move(1, 1, null, 'prod'),
    move(2, 2, 1, 'prod'),
    move(3, 3, 2, 'prod'),
    move(4, 4, null, 'staging'),
  ]
  state.tick = 10
  return state
}

async function openReply(state: FakeCoreState) {
  const core = createFakeCore(state)
  const view = renderApp(core.transport)
  await waitFor(() => expect(appState()).toBe('ready'))
  fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
  await screen.findByTestId('prompt-detail')
  return { core, ...view }
}

const detailBadge = (env: string) =>
  within(screen.getByTestId('prompt-detail')).getByTestId(`env-badge-${env}`).textContent

describe('environments', () => {
  it('shows staging and prod badges on the list and the detail', async () => {
    await openReply(promotedState())
    const item = screen.getAllByTestId('prompt-item')[0]!
    expect(within(item).getByTestId('list-env-badge-staging').textContent).toBe('staging v4')
    expect(within(item).getByTestId('list-env-badge-prod').textContent).toBe('prod v3')
    expect(within(screen.getAllByTestId('prompt-item')[1]!).queryByTestId('list-env-badge-prod')).toBeNull()
    // The detail's badges are the only env-badge-* on the page.
    expect(screen.getAllByTestId('env-badge-prod')).toHaveLength(1)
    expect(detailBadge('prod')).toContain('v3')
    expect(screen.getByTestId<HTMLButtonElement>('promote-staging').disabled).toBe(true)
  })

  it('blocks a prod promotion until approved, then promotes with a reason', async () => {
    const { core } = await openReply(promotedState())
    fireEvent.click(screen.getByTestId('promote-prod'))
    const dialog = await screen.findByTestId('promotion-dialog')
    await waitFor(() => expect(within(dialog).getAllByTestId('gate-requirement')).toHaveLength(2))
    const approval = () =>
      within(dialog)
        .getAllByTestId('gate-requirement')
        .find((r) => r.dataset.key === 'approval')!
    expect(approval().dataset.satisfied).toBe('false')
    expect(approval().textContent).toContain('✗')
    expect(approval().textContent).toContain('nobody has approved v4')
    fireEvent.change(screen.getByTestId('promotion-reason'), { target: { value: 'Kinder tone' } })
    expect(screen.getByTestId<HTMLButtonElement>('confirm-promotion').disabled).toBe(true)

    fireEvent.click(screen.getByTestId('approve-version'))
    expect(screen.getByTestId<HTMLButtonElement>('confirm-approval').disabled).toBe(true)
    fireEvent.change(screen.getByTestId('approval-comment'), { target: { value: 'Read 20 outputs' } })
    fireEvent.click(screen.getByTestId('confirm-approval'))
    await waitFor(() => expect(approval().dataset.satisfied).toBe('true'))
    expect(approval().textContent).toContain('✓')
    expect(core.state.approvals[0]).toMatchObject({
      versionId: 'p-reply-v4',
      env: 'prod',
      comment: 'Read 20 outputs',
    })

    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('confirm-promotion').disabled).toBe(false),
    )
    fireEvent.click(screen.getByTestId('confirm-promotion'))
    await waitFor(() => expect(screen.queryByTestId('promotion-dialog')).toBeNull())
    await waitFor(() => expect(detailBadge('prod')).toBe('prod v4'))
    expect(core.transport.calls.find((c) => c.method === 'prompts.promote')?.input).toEqual({
      promptId: 'p-reply',
      versionId: 'p-reply-v4',
      env: 'prod',
      reason: 'Kinder tone',
    })
  })

  it('keeps Promote usable while the requirements are checked again, so a click is never swallowed', async () => {
    const { core } = await openReply(promotedState())
    fireEvent.click(screen.getByTestId('promote-prod'))
    fireEvent.click(await screen.findByTestId('approve-version'))
    fireEvent.change(screen.getByTestId('approval-comment'), { target: { value: 'Read 20 outputs' } })
    fireEvent.click(screen.getByTestId('confirm-approval'))
    fireEvent.change(screen.getByTestId('promotion-reason'), { target: { value: 'Kinder tone' } })
    const confirm = () => screen.getByTestId<HTMLButtonElement>('confirm-promotion')
    await waitFor(() => expect(confirm().disabled).toBe(false))

    // Another change to the approvals (here: announced again) makes the dialog ask the core once more.
    const checks = () => core.transport.calls.filter((c) => c.method === 'prompts.checkPromotion').length
    await waitFor(() => expect(screen.getByTestId('promotion-dialog').textContent).toContain('✓'))
    const asked = checks()
    const answer = deferred<Awaited<ReturnType<NonNullable<typeof check>>>>()
    const check = core.handlers['prompts.checkPromotion']
    core.handlers['prompts.checkPromotion'] = () => answer.promise
    act(() => core.transport.emit('db.changed', { tables: ['approvals'] }))
    // Refetches are throttled to one a second (the approval's own refresh may just have gone out).
    await waitFor(() => expect(checks()).toBe(asked + 1), { timeout: 3000 })
    // The last answer stands until the new one arrives (the core checks again when promoting anyway).
    expect(confirm().disabled).toBe(false)
    fireEvent.click(confirm())
    await waitFor(() => expect(detailBadge('prod')).toBe('prod v4'))
    answer.resolve(await check!({ promptId: 'p-reply', versionId: 'p-reply-v4', env: 'prod' }))
  })

  it('follows a write from anywhere: a gate evaluated elsewhere refreshes the open promotion dialog', async () => {
    const state = promotedState()
    state.evalGate = true
    const { core } = await openReply(state)
    fireEvent.click(screen.getByTestId('promote-prod'))
    const dialog = await screen.findByTestId('promotion-dialog')
    const evalGate = () =>
      within(dialog)
        .queryAllByTestId('gate-requirement')
        .find((r) => r.dataset.key === 'eval_gate')
    await waitFor(() => expect(evalGate()?.dataset.satisfied).toBe('false'))
    // The CLI gates v4 (another client of the same core) and it passes: a gate result is written.
    const check = core.handlers['prompts.checkPromotion']!
    core.handlers['prompts.checkPromotion'] = async (input) => {
      const answer = await check(input)
      const requirements = answer.requirements.map((r) =>
        r.key === 'eval_gate' ? { ...r, satisfied: true, detail: 'passed in r-ci' } : r,
      )
      return { ...answer, requirements }
    }
    core.transport.emit('db.changed', { tables: ['gate_results', 'audit_log'] })
    await waitFor(() => expect(evalGate()?.dataset.satisfied).toBe('true'), { timeout: 3000 })
    expect(evalGate()?.textContent).toContain('passed in r-ci')
  })

  it('shows the gate the core answered with when it refuses a promotion', async () => {
    const state = promotedState()
    const core = createFakeCore(state)
    // A stale "allowed" answer: the core itself still refuses (FORBIDDEN with a GateCheck).
    const check = core.handlers['prompts.checkPromotion']!
    core.handlers['prompts.checkPromotion'] = async (input) => ({ ...(await check(input)), allowed: true })
    renderApp(core.transport)
    await waitFor(() => expect(appState()).toBe('ready'))
    fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
    fireEvent.click(await screen.findByTestId('promote-prod'))
    fireEvent.change(await screen.findByTestId('promotion-reason'), { target: { value: 'go' } })
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('confirm-promotion').disabled).toBe(false),
    )
    fireEvent.click(screen.getByTestId('confirm-promotion'))
    const error = await screen.findByTestId('promotion-error')
    expect(error.dataset.errorCode).toBe('FORBIDDEN')
    expect(screen.getByTestId('gate-blocked')).toBeTruthy()
    expect(screen.getByTestId<HTMLButtonElement>('confirm-promotion').disabled).toBe(true)
  })

  it('promotes to staging without an approval; Esc closes the dialog', async () => {
    const state = promotedState()
    state.prompts[0]!.env = { staging: 3, prod: 3 }
    await openReply(state)
    fireEvent.click(screen.getByTestId('promote-staging'))
    const dialog = await screen.findByTestId('promotion-dialog')
    await waitFor(() => expect(within(dialog).getByTestId('gate-requirement').dataset.satisfied).toBe('true'))
    expect(within(dialog).queryByTestId('approve-version')).toBeNull()
    fireEvent.keyDown(screen.getByTestId('promotion-reason'), { key: 'Escape' })
    expect(screen.queryByTestId('promotion-dialog')).toBeNull()
  })

  it('rolls prod back to an older version it served before, with a reason', async () => {
    const { core } = await openReply(promotedState())
    fireEvent.click(screen.getByTestId('rollback-prod'))
    await screen.findByTestId('rollback-dialog')
    const target = screen.getByTestId<HTMLSelectElement>('rollback-target')
    await waitFor(() => expect([...target.options].map((o) => o.value)).toEqual(['2', '1']))
    expect(screen.getByTestId<HTMLButtonElement>('confirm-rollback').disabled).toBe(true)
    fireEvent.change(target, { target: { value: '1' } })
    fireEvent.change(screen.getByTestId('rollback-reason'), {
      target: { value: 'v3 and v2 misroute refunds' },
    })
    fireEvent.click(screen.getByTestId('confirm-rollback'))
    await waitFor(() => expect(screen.queryByTestId('rollback-dialog')).toBeNull())
    await waitFor(() => expect(detailBadge('prod')).toBe('prod v1'))
    expect(core.transport.calls.find((c) => c.method === 'prompts.rollback')?.input).toEqual({
      promptId: 'p-reply',
      env: 'prod',
      toVersionId: 'p-reply-v1',
      reason: 'v3 and v2 misroute refunds',
    })
  })

  it('offers older versions prod never served, apart, when it served none before', async () => {
    const state = promotedState()
    state.history['p-reply'] = []
    state.prompts[0]!.env = { staging: null, prod: 2 }
    await openReply(state)
    fireEvent.click(screen.getByTestId('rollback-prod'))
    expect((await screen.findByTestId('rollback-never-served')).textContent).toMatch(
      /has not served an older/,
    )
    const target = screen.getByTestId<HTMLSelectElement>('rollback-target')
    expect([...target.options].map((o) => [o.value, o.textContent])).toEqual([
      ['1', 'v1 — never served prod'],
    ])
  })

  it('cannot roll back when prod serves the first version', async () => {
    const state = promotedState()
    state.prompts[0]!.env = { staging: null, prod: 1 }
    await openReply(state)
    fireEvent.click(screen.getByTestId('rollback-prod'))
    expect((await screen.findByTestId('rollback-empty')).textContent).toMatch(/no version older than v1/)
    expect(screen.getByTestId<HTMLSelectElement>('rollback-target').options).toHaveLength(0)
    expect(screen.getByTestId<HTMLButtonElement>('confirm-rollback').disabled).toBe(true)
  })
})
