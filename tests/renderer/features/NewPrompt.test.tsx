import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, defaultState } from '../fixtures/fake-core'
import { appState, renderApp } from './render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

async function start(state = defaultState()) {
  const core = createFakeCore(state)
  const view = renderApp(core.transport)
  await waitFor(() => expect(appState()).toBe('ready'))
  return { core, ...view }
}

const change = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } })

describe('create a prompt', () => {
  it('opens with Ctrl+N, focuses the name, closes with Esc and gives focus back', async () => {
    await start()
    const button = screen.getByTestId('new-prompt')
    button.focus()
    fireEvent.keyDown(window, { key: 'n', code: 'KeyN', ctrlKey: true })
    const dialog = await screen.findByTestId('new-prompt-dialog')
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(document.activeElement).toBe(screen.getByTestId('new-prompt-name'))
    fireEvent.keyDown(screen.getByTestId('new-prompt-name'), { key: 'Escape' })
    expect(screen.queryByTestId('new-prompt-dialog')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('creates the prompt with its first version and opens it', async () => {
    const { core } = await start()
    fireEvent.click(screen.getByTestId('new-prompt'))
    change('new-prompt-name', 'Refund policy')
    change('new-prompt-owner', 'Billing team')
    change('new-prompt-model-provider', 'anthropic')
    change('new-prompt-model-id', 'claude-3-5-haiku-20241022')
    change('new-prompt-param-temperature', '0.3')
    change('new-prompt-message-0', 'Answer refund questions for {{customer}}.')
    fireEvent.click(screen.getByTestId('new-prompt-add-message'))
    change('new-prompt-message-1', '{{question}}')
    change('new-prompt-commit', 'First draft of the refund prompt')
    fireEvent.click(screen.getByTestId('create-prompt'))

    await waitFor(() => expect(screen.queryByTestId('new-prompt-dialog')).toBeNull())
    const call = core.transport.calls.find((c) => c.method === 'prompts.create')
    expect(call?.input).toEqual({
      name: 'Refund policy',
      description: '',
      owner: 'Billing team',
      messages: [
        { role: 'system', content: 'Answer refund questions for {{customer}}.' },
        { role: 'user', content: '{{question}}' },
      ],
      model: { provider: 'anthropic', model: 'claude-3-5-haiku-20241022' },
      params: { temperature: 0.3 },
      message: 'First draft of the refund prompt',
    })
    const detail = await screen.findByTestId('prompt-detail')
    await waitFor(() => expect(detail.textContent).toContain('Refund policy'))
    expect(screen.getByTestId('model-summary').textContent).toContain('anthropic/claude-3-5-haiku-20241022')
    await waitFor(() =>
      expect(
        screen.getAllByTestId('prompt-item').map((el) => el.querySelector('.prompt-name')?.textContent),
      ).toContain('Refund policy'),
    )
  })

  it('checks the model id and params before calling, and shows the core refusal inline', async () => {
    const { core } = await start()
    fireEvent.click(screen.getByTestId('new-prompt'))
    change('new-prompt-name', 'Support reply')
    change('new-prompt-message-0', 'Hi')
    fireEvent.click(screen.getByTestId('create-prompt'))
    expect((await screen.findByTestId('new-prompt-error')).textContent).toMatch(/exact model id/)
    expect(core.transport.calls.some((c) => c.method === 'prompts.create')).toBe(false)

    change('new-prompt-model-id', 'gpt-4o-mini-2024-07-18')
    fireEvent.submit(screen.getByTestId('new-prompt-name').closest('form')!)
    const error = await screen.findByTestId('new-prompt-error')
    await waitFor(() => expect(error.dataset.errorCode).toBe('CONFLICT'))
    expect(error.textContent).toContain('already exists')
    expect(screen.getByTestId('new-prompt-dialog')).toBeTruthy()
  })

  it('warns about a moving model alias in the dialog and offers pinned snapshots', async () => {
    await start()
    fireEvent.click(screen.getByTestId('new-prompt'))
    change('new-prompt-model-id', 'gpt-4o')
    const warning = screen.getByTestId('model-warning')
    const alternatives = within(warning).getAllByTestId('model-alternative')
    expect(alternatives.map((a) => a.dataset.model)).toEqual(['gpt-4o-2024-11-20', 'gpt-4o-2024-08-06'])
    fireEvent.click(alternatives[1]!)
    expect(screen.getByTestId<HTMLInputElement>('new-prompt-model-id').value).toBe('gpt-4o-2024-08-06')
    expect(screen.queryByTestId('model-warning')).toBeNull()
  })

  it('creates with Ctrl+S from a field, and offers to create anyway with a new variable', async () => {
    const state = defaultState()
    state.unknownVariables = ['locale']
    const { core } = await start(state)
    fireEvent.click(screen.getByTestId('new-prompt'))
    change('new-prompt-name', 'Greeter')
    change('new-prompt-model-id', 'gpt-4o-mini-2024-07-18')
    change('new-prompt-message-0', 'Greet in {{locale}}')
    fireEvent.keyDown(screen.getByTestId('new-prompt-message-0'), { key: 's', code: 'KeyS', ctrlKey: true })
    expect((await screen.findByTestId('new-prompt-error')).textContent).toContain(
      'Unknown variable {{locale}}',
    )
    fireEvent.click(screen.getByTestId('create-allow-new-variables'))
    await waitFor(() => expect(screen.queryByTestId('new-prompt-dialog')).toBeNull())
    const calls = core.transport.calls.filter((c) => c.method === 'prompts.create')
    expect(calls.map((c) => (c.input as { allowNewVariables?: boolean }).allowNewVariables)).toEqual([
      undefined,
      true,
    ])
    await waitFor(() => expect(screen.getByTestId('prompt-detail').textContent).toContain('Greeter'))
  })

  it('edits the description and owner without making a version', async () => {
    const { core } = await start()
    fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
    fireEvent.click(await screen.findByTestId('edit-details'))
    change('details-description', 'Drafts replies to customers')
    change('details-owner', 'Support Ops')
    fireEvent.click(screen.getByTestId('save-details'))
    await waitFor(() =>
      expect(screen.getByTestId('prompt-description').textContent).toBe('Drafts replies to customers'),
    )
    expect(screen.getByTestId('model-summary').textContent).toContain('owner Support Ops')
    expect(core.state.prompts[0]!.versions).toHaveLength(2)
  })

  it('says what to do when the workspace has no prompts', async () => {
    const state = defaultState()
    state.prompts = []
    await start(state)
    expect(screen.getByTestId('prompts-empty').textContent).toMatch(/New prompt/)
  })
})
