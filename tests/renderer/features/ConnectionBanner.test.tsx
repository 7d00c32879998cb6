import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, defaultState, version } from '../fixtures/fake-core'
import { appState, renderApp } from './render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const names = () =>
  screen.getAllByTestId('prompt-item').map((el) => el.querySelector('.prompt-name')?.textContent)

describe('a lost connection', () => {
  it('shows the banner while reconnecting and refetches what is shown once back', async () => {
    const state = defaultState()
    const core = createFakeCore(state)
    renderApp(core.transport)
    await waitFor(() => expect(appState()).toBe('ready'))
    await waitFor(() => expect(names()).toEqual(['Support reply', 'Triage']))
    expect(screen.queryByTestId('connection-banner')).toBeNull()

    core.transport.connection.set({ status: 'reconnecting', attempt: 2, since: 0 })
    const banner = await screen.findByTestId('connection-banner')
    expect(banner.textContent).toContain('Disconnected — reconnecting…')
    expect(banner.dataset.state).toBe('reconnecting')
    // Written while this window heard nothing: no db.changed event reaches it.
    state.prompts.push({
      id: 'p-new',
      name: 'Written elsewhere',
      description: '',
      versions: [version('p-new', 1, 'Hi {{ticket}}')],
    })
    core.transport.connection.set({ status: 'connected' })
    await waitFor(() => expect(screen.queryByTestId('connection-banner')).toBeNull())
    await waitFor(() => expect(names()).toContain('Written elsewhere'))
  })

  it('says when the host no longer takes this page, with no retry button', async () => {
    const core = createFakeCore()
    renderApp(core.transport)
    await waitFor(() => expect(appState()).toBe('ready'))
    core.transport.connection.set({ status: 'refused', message: 'Open the address it printed.' })
    const banner = await screen.findByTestId('connection-banner')
    expect(banner.textContent).toContain('Open the address it printed.')
    expect(screen.queryByTestId('connection-retry')).toBeNull()
  })

  it('starts again by itself when the core was unreachable at start and comes back', async () => {
    const core = createFakeCore()
    const status = core.handlers['app.status']!
    let down = true
    core.handlers['app.status'] = (input) => {
      if (down) throw new Error('socket hang up')
      return status(input)
    }
    renderApp(core.transport)
    await screen.findByTestId('unreachable-screen')
    core.transport.connection.set({ status: 'reconnecting', attempt: 1, since: 0 })
    expect((await screen.findByTestId('unreachable-reconnecting')).textContent).toContain('Reconnecting')
    down = false
    core.transport.connection.set({ status: 'connected' })
    await waitFor(() => expect(appState()).toBe('ready'))
  })
})
