import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, defaultState } from '../fixtures/fake-core'
import { appState, renderApp } from './render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

async function openSupportReply() {
  const core = createFakeCore()
  renderApp(core.transport)
  await waitFor(() => expect(appState()).toBe('ready'))
  fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
  await screen.findByTestId('prompt-detail')
  return core
}

const editor = (i: number) =>
  within(screen.getByTestId(`message-editor-${i}`)).getByRole<HTMLTextAreaElement>('textbox')

describe('prompts screen', () => {
  it('shows the latest version: model, params and each message as text', async () => {
    await openSupportReply()
    expect(screen.getByTestId('model-summary').textContent).toContain('openai/gpt-4o-mini')
    expect(screen.getByTestId('model-summary').textContent).toContain('temperature 0.2 · max 512 tokens')
    expect(screen.getByTestId('message-0').dataset.role).toBe('system')
    expect(editor(1).value).toBe('Ticket: {{ticket}}\nBe brief.')
    expect(screen.getAllByTestId('version-item').map((el) => el.dataset.versionNumber)).toEqual(['2', '1'])
  })

  it('edits, saves with Ctrl+S and shows the new version number', async () => {
    await openSupportReply()
    fireEvent.change(editor(1), { target: { value: 'Ticket: {{ticket}}\nBe brief. Sign as <b>Ana</b>.' } })
    expect(screen.getByTestId('draft-dirty').textContent).toContain('v2')
    fireEvent.change(screen.getByTestId('commit-message'), { target: { value: 'Add signature' } })
    fireEvent.keyDown(editor(1), { key: 's', code: 'KeyS', ctrlKey: true })

    expect((await screen.findByTestId('save-status')).textContent).toBe('Saved as v3.')
    expect(screen.getByTestId('prompt-detail').dataset.versionNumber).toBe('3')
    expect(editor(1).value).toContain('<b>Ana</b>')
    expect(screen.getByTestId('prompt-detail').querySelector('b')).toBeNull()
    expect(screen.queryByTestId('draft-dirty')).toBeNull()
  })

  it('shows the core error inline when the commit message is missing', async () => {
    await openSupportReply()
    fireEvent.change(editor(0), { target: { value: 'You are terse.' } })
    fireEvent.click(screen.getByTestId('save-version'))
    const error = await screen.findByTestId('save-error')
    expect(error.dataset.errorCode).toBe('INVALID_INPUT')
    expect(error.textContent).toContain('The value of “message” was not accepted')
    expect(error.textContent).not.toContain('INVALID_INPUT')
    expect(editor(0).value).toBe('You are terse.')
  })

  it('shows an older version read-only with a way back to the latest', async () => {
    await openSupportReply()
    fireEvent.click(screen.getAllByTestId('version-item')[1]!)
    const banner = await screen.findByTestId('readonly-banner')
    expect(banner.textContent).toContain('Viewing v1 (read-only)')
    expect(editor(1).readOnly).toBe(true)
    expect(screen.queryByTestId('save-version')).toBeNull()
    fireEvent.click(screen.getByTestId('back-to-latest'))
    await waitFor(() => expect(screen.getByTestId('prompt-detail').dataset.versionNumber).toBe('2'))
    expect(screen.queryByTestId('readonly-banner')).toBeNull()
  })

  it('says what to do when there are no prompts', async () => {
    const state = defaultState()
    state.prompts = []
    renderApp(createFakeCore(state).transport)
    expect((await screen.findByTestId('prompts-empty')).textContent).toMatch(/No prompts yet/)
  })
})
