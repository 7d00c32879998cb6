import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, defaultState, version } from '../fixtures/fake-core'
import { appState, renderApp } from './render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

function state() {
  const s = defaultState()
  s.prompts[0]!.versions.push(
    version('p-reply', 3, 'Ticket: {{ticket}}\nBe brief.', {
      model: { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' },
      params: { temperature: 0.2, maxTokens: 256 },
      messages: [
        { role: 'system', content: 'You are a support agent.' },
        { role: 'user', content: 'Ticket: {{ticket}}\nBe brief.' },
        { role: 'assistant', content: 'Understood.' },
      ],
    }),
  )
  s.history['p-reply'] = [
    {
      id: 1,
      at: '2025-01-01T10:00:00Z',
      actor: 'tomas',
      action: 'prompt.created',
      versionNumber: 1,
      fromVersionNumber: null,
      env: null,
      text: 'first',
    },
    {
      id: 2,
      at: '2025-01-02T10:00:00Z',
      actor: 'ana',
      action: 'version.created',
      versionNumber: 2,
      fromVersionNumber: null,
      env: null,
      text: 'Be brief',
    },
    {
      id: 3,
      at: '2025-01-03T10:00:00Z',
      actor: 'priya',
      action: 'approval.recorded',
      versionNumber: 2,
      fromVersionNumber: null,
      env: 'prod',
      text: 'Looks right',
    },
    {
      id: 4,
      at: '2025-01-04T10:00:00Z',
      actor: 'priya',
      action: 'env.promoted',
      versionNumber: 2,
      fromVersionNumber: 1,
      env: 'prod',
      text: 'Ship it',
    },
    {
      id: 5,
      at: '2025-01-05T10:00:00Z',
      actor: 'ana',
      action: 'env.rolled_back',
      versionNumber: 1,
      fromVersionNumber: 2,
      env: 'prod',
      text: 'Too terse',
    },
  ]
  return s
}

const rows = () =>
  screen.getAllByTestId('diff-param-row').map((r) => [r.dataset.field, r.dataset.changed] as const)

describe('diff', () => {
  it('opens a pasted compare link: params table and one diff per message', async () => {
    renderApp(createFakeCore(state()).transport, {
      initialPrompt: { promptId: 'p-reply', tab: 'diff', diff: { left: 1, right: 3 } },
    })
    await waitFor(() => expect(appState()).toBe('ready'))
    const view = await screen.findByTestId('diff-view')
    expect(view.dataset.left).toBe('1')
    expect(view.dataset.right).toBe('3')
    expect(screen.getByTestId<HTMLSelectElement>('diff-left').value).toBe('1')
    expect(screen.getByTestId<HTMLSelectElement>('diff-right').value).toBe('3')
    expect(
      rows()
        .filter(([, c]) => c === 'true')
        .map(([f]) => f),
    ).toEqual(['model', 'maxTokens'])
    const model = screen.getAllByTestId('diff-param-row').find((r) => r.dataset.field === 'model')!
    expect(model.textContent).toContain('gpt-4o-mini')
    expect(model.textContent).toContain('gpt-4o-mini-2024-07-18')
    expect(screen.getByTestId('diff-message-0').dataset.status).toBe('same')
    expect(screen.getByTestId('diff-message-1').dataset.status).toBe('changed')
    expect(screen.getByTestId('diff-message-2').dataset.status).toBe('added')
    expect(screen.getByTestId('diff-message-2').textContent).toContain('added in v3')
    expect(location.hash).toBe('#/prompts/p-reply/diff/1..3')
    expect(screen.getByTestId('diff-link').getAttribute('href')).toBe('#/prompts/p-reply/diff/1..3')
  })

  it('follows the pickers and keeps the address in step', async () => {
    renderApp(createFakeCore(state()).transport, { initialPrompt: { promptId: 'p-reply', tab: 'diff' } })
    await waitFor(() => expect(appState()).toBe('ready'))
    await waitFor(() => expect(screen.getByTestId('diff-view').dataset.right).toBe('3'))
    expect(screen.getByTestId('diff-view').dataset.left).toBe('2')
    fireEvent.change(screen.getByTestId('diff-left'), { target: { value: '1' } })
    await waitFor(() => expect(screen.getByTestId('diff-view').dataset.left).toBe('1'))
    expect(location.hash).toBe('#/prompts/p-reply/diff/1..3')
    fireEvent.click(screen.getByTestId('diff-swap'))
    await waitFor(() => expect(location.hash).toBe('#/prompts/p-reply/diff/3..1'))
    expect(screen.getByTestId('diff-message-2').dataset.status).toBe('removed')
  })

  it('opens from two ticked versions in the version list', async () => {
    renderApp(createFakeCore(state()).transport)
    await waitFor(() => expect(appState()).toBe('ready'))
    fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
    await screen.findByTestId('editor-tab')
    const tick = (n: string) =>
      fireEvent.click(screen.getAllByTestId('version-compare').find((c) => c.dataset.versionNumber === n)!)
    tick('3')
    expect(screen.queryByTestId('diff-view')).toBeNull()
    tick('1')
    const view = await screen.findByTestId('diff-view')
    expect([view.dataset.left, view.dataset.right]).toEqual(['1', '3'])
    expect(screen.getByTestId('tab-diff').getAttribute('aria-selected')).toBe('true')
  })

  it('reopens an older version and the history tab from the address', async () => {
    renderApp(createFakeCore(state()).transport, {
      initialPrompt: { promptId: 'p-reply', tab: 'editor', version: 1 },
    })
    await waitFor(() => expect(appState()).toBe('ready'))
    expect(screen.getByTestId('prompt-detail').dataset.versionNumber).toBe('1')
    expect(screen.getByTestId('readonly-banner')).toBeTruthy()
    expect(location.hash).toBe('#/prompts/p-reply/v/1')
    fireEvent.click(screen.getByTestId('tab-history'))
    await screen.findAllByTestId('history-entry')
    expect(location.hash).toBe('#/prompts/p-reply/history')
  })
})

describe('history', () => {
  it('lists what happened newest first, with who, what, the text and links', async () => {
    renderApp(createFakeCore(state()).transport, { initialPrompt: { promptId: 'p-reply', tab: 'history' } })
    await waitFor(() => expect(appState()).toBe('ready'))
    const entries = await screen.findAllByTestId('history-entry')
    expect(entries.map((e) => e.dataset.action)).toEqual([
      'env.rolled_back',
      'env.promoted',
      'approval.recorded',
      'version.created',
      'prompt.created',
    ])
    expect(entries[0]!.textContent).toContain('ana rolled prod back to v1 (from v2)')
    expect(entries[0]!.textContent).toContain('Reason: Too terse')
    expect(entries[2]!.textContent).toContain('Comment: Looks right')
    expect(entries[4]!.textContent).toContain('tomas created the prompt with v1')

    fireEvent.click(within(entries[1]!).getByTestId('history-compare'))
    const view = await screen.findByTestId('diff-view')
    expect([view.dataset.left, view.dataset.right]).toEqual(['1', '2'])

    fireEvent.click(screen.getByTestId('tab-history'))
    const again = await screen.findAllByTestId('history-entry')
    fireEvent.click(within(again[4]!).getByTestId('history-open-version'))
    await waitFor(() => expect(screen.getByTestId('prompt-detail').dataset.versionNumber).toBe('1'))
    expect(screen.getByTestId('tab-editor').getAttribute('aria-selected')).toBe('true')
  })

  it('refetches when the audit log changes', async () => {
    const core = createFakeCore(state())
    renderApp(core.transport, { initialPrompt: { promptId: 'p-reply', tab: 'history' } })
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(5))
    core.state.history['p-reply']!.push({
      id: 6,
      at: '2025-01-06T10:00:00Z',
      actor: 'sam',
      action: 'approval.recorded',
      versionNumber: 3,
      fromVersionNumber: null,
      env: 'prod',
      text: 'ok',
    })
    core.transport.emit('db.changed', { tables: ['approvals', 'audit_log'] })
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(6))
    expect(screen.getAllByTestId('history-entry')[0]!.textContent).toContain('sam approved v3 for prod')
  })
})
