import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Transport } from '../../../shared/contract'
import { createFakeCore, defaultState } from '../fixtures/fake-core'
import { appState, renderApp } from './render-app'

// The shell loads Compare as a chunk of its own; importing it once here keeps the navigation test's wait about
// the screen, not about transforming the module on a busy machine.
beforeAll(() => import('../../../renderer/src/features/compare/CompareScreen'))

afterEach(() => {
  cleanup()
  delete document.documentElement.dataset.appState
  delete document.documentElement.dataset.appFailure
  history.replaceState(null, '', '/')
})

describe('App startup', () => {
  it('marks the app ready once status and the prompt list have loaded', async () => {
    renderApp(createFakeCore().transport)
    await waitFor(() => expect(appState()).toBe('ready'))
    expect(
      screen.getAllByTestId('prompt-item').map((el) => el.querySelector('.prompt-name')?.textContent),
    ).toEqual(['Support reply', 'Triage'])
  })

  it('shows the recovery screen, not a spinner, when the workspace failed to open', async () => {
    const state = defaultState()
    state.status = {
      state: 'failed',
      home: '/data',
      failure: {
        kind: 'newer-version',
        message: 'Schema version 9 is newer than this app (3)',
        dbFile: '/data/evallab.db',
        backupFile: null,
      },
    }
    renderApp(createFakeCore(state).transport)
    const recovery = await screen.findByTestId('recovery-screen')
    expect(recovery.dataset.failureKind).toBe('newer-version')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/newer Eval Lab/)
    expect(recovery.textContent).toContain('update the app. Your file was not changed.')
    expect(screen.getByTestId('recovery-db-file').textContent).toBe('/data/evallab.db')
    expect(screen.getByTestId('recovery-message').textContent).toContain('Schema version 9')
    expect(screen.queryByTestId('recovery-backup-file')).toBeNull()
    await waitFor(() => expect(appState()).toBe('failed'))
    expect(document.documentElement.dataset.appFailure).toBe('newer-version')
  })

  it('shows the backup file after a failed migration', async () => {
    const state = defaultState()
    state.status = {
      state: 'failed',
      home: '/data',
      failure: {
        kind: 'migration-failed',
        message: 'near "TABLE": syntax error',
        dbFile: '/data/evallab.db',
        backupFile: '/data/evallab.db.bak-1',
      },
    }
    renderApp(createFakeCore(state).transport)
    expect((await screen.findByTestId('recovery-backup-file')).textContent).toBe('/data/evallab.db.bak-1')
    expect(screen.getByTestId('recovery-screen').textContent).toMatch(/restored from the backup/)
  })

  it('says so when the core cannot be reached, and retries', async () => {
    let up = false
    const core = createFakeCore()
    const transport: Transport = {
      rpc: (method, input) =>
        up ? core.transport.rpc(method, input) : Promise.reject(new Error('connection refused')),
      on: core.transport.on,
    }
    renderApp(transport)
    expect((await screen.findByTestId('unreachable-message')).textContent).toContain('connection refused')
    // The attribute is written by an effect after the commit that shows the message: wait for it as well.
    await waitFor(() => expect(appState()).toBe('failed'))
    expect(document.documentElement.dataset.appFailure).toBe('unreachable')
    up = true
    fireEvent.click(screen.getByTestId('retry-connection'))
    await waitFor(() => expect(appState()).toBe('ready'))
  })
})

describe('navigation', () => {
  it('switches screens with Ctrl+digit and shows the hints in the nav', async () => {
    const state = defaultState()
    state.datasets = [
      {
        id: 'd1',
        name: 'Support tickets',
        description: 'Real tickets, anonymised',
        caseCount: 3,
        tagCounts: { 'segment:smb': 1, 'lang:en': 2, 'segment:enterprise': 2 },
        updatedAt: '2025-01-01T00:00:00Z',
        snapshotCount: 0,
        parentId: null,
      },
    ]
    renderApp(createFakeCore(state).transport)
    await waitFor(() => expect(appState()).toBe('ready'))
    expect(screen.getByTestId('nav-datasets').textContent).toContain('Ctrl+2')

    fireEvent.keyDown(window, { key: '2', code: 'Digit2', ctrlKey: true })
    expect(await screen.findByTestId('screen-datasets')).toBeTruthy()
    expect((await screen.findByTestId('dataset-item')).textContent).toContain('Support tickets')
    expect(screen.getByTestId('nav-datasets').getAttribute('aria-current')).toBe('page')
    expect(screen.getByTestId('dataset-item').textContent).toContain('3')

    fireEvent.keyDown(window, { key: '6', code: 'Digit6', metaKey: true })
    expect(screen.getByTestId('settings-db-file').textContent).toBe('/home/ana/.eval-lab/evallab.db')
    expect(location.hash).toBe('#/settings')

    fireEvent.click(screen.getByTestId('nav-runs'))
    expect(within(screen.getByTestId('screen-runs')).getByTestId('runs-list')).toBeTruthy()
    expect(await screen.findByTestId('runs-empty')).toBeTruthy()

    fireEvent.click(screen.getByTestId('nav-review'))
    expect(within(screen.getByTestId('screen-review')).getByTestId('review-screen')).toBeTruthy()
    expect((await screen.findByTestId('queues-empty')).textContent).toMatch(/Create a queue from a run/)

    // Compare is a chunk of its own: it says it is loading, then shows.
    fireEvent.click(screen.getByTestId('nav-compare'))
    await waitFor(() =>
      expect(screen.getByTestId('screen-compare').textContent).toMatch(/Nothing to compare yet/),
    )
  })

  it('starts on the screen named in the URL hash and waits for its data', async () => {
    const state = defaultState()
    renderApp(createFakeCore(state).transport, { initialRoute: 'datasets' })
    await waitFor(() => expect(appState()).toBe('ready'))
    expect(screen.getByTestId('datasets-empty').textContent).toMatch(/No datasets yet/)
  })
})
