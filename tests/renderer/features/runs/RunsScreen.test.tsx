import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, type FakeCoreState } from '../../fixtures/fake-core'
import { makeRun } from '../../fixtures/fake-runs'
import { appState, renderApp } from '../render-app'
import { calls, demoState, openRuns } from './helpers'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const rows = () => screen.queryAllByTestId('run-row')
const modelBox = (key: string) =>
  screen.getAllByTestId<HTMLInputElement>('new-run-model').find((el) => el.dataset.model === key)!

describe('runs list', () => {
  it('says what to do when there is no run yet, and the button opens the form', async () => {
    await openRuns()
    expect(byId('runs-empty').textContent).toContain(
      'Start a run: choose prompt versions, models and a dataset',
    )
    expect(rows()).toHaveLength(0)
    fireEvent.click(byId('runs-empty-new'))
    expect(await screen.findByTestId('new-run')).toBeTruthy()
  })

  it('shows each run newest first with status, done/total and age', async () => {
    await openRuns((state) => {
      state.runs = [
        makeRun('r-1', { name: 'First', createdAt: '2025-03-01T10:00:00.000Z' }),
        makeRun('r-2', {
          name: 'Second',
          status: 'running',
          createdAt: '2025-03-02T10:00:00.000Z',
          counts: { total: 290, done: 120, errors: 3, cached: 0, spentUsd: 0.5 },
        }),
      ]
    })
    await waitFor(() => expect(rows()).toHaveLength(2))
    expect(rows().map((r) => [r.dataset.runId, r.dataset.status])).toEqual([
      ['r-2', 'running'],
      ['r-1', 'completed'],
    ])
    expect(rows()[0]?.textContent).toContain('Second')
    expect(rows()[0]?.textContent).toContain('120 / 290')
    expect(rows()[0]?.querySelector('time')).toBeTruthy()
  })
})

describe('new run form', () => {
  it('opens with N, plans versions × models × dataset, estimates, and starts with Ctrl+Enter', async () => {
    const { core } = await openRuns()
    fireEvent.keyDown(document.body, { key: 'n' })
    await screen.findByTestId('new-run')
    const prompt = byId<HTMLSelectElement>('new-run-prompt')
    await waitFor(() => expect(prompt.value).toBe('p-triage'))
    await waitFor(() => expect(byId<HTMLInputElement>('new-run-version-3').checked).toBe(true))
    expect(byId<HTMLInputElement>('new-run-version-2').checked).toBe(false)
    expect(byId<HTMLSelectElement>('new-run-dataset').value).toBe('ds-golden')

    // The latest version pins an Anthropic model whose key comes from the environment: checked.
    await waitFor(() => expect(modelBox('anthropic/claude-3-5-haiku-20241022').checked).toBe(true))
    const simulated = screen
      .getAllByTestId('new-run-model')
      .filter((el) => el.dataset.model?.startsWith('demo/'))
      .map((el) => el.closest('li')?.textContent)
    expect(simulated).toHaveLength(2)
    simulated.forEach((text) => expect(text).toContain('Simulated'))

    // v2 pins OpenAI, which has no key: its option appears with a warning naming the variable.
    fireEvent.click(byId('new-run-version-2'))
    await waitFor(() => expect(modelBox('openai/gpt-4o-mini-2024-07-18')).toBeTruthy())
    const warning = screen
      .getAllByTestId('new-run-model-warning')
      .find((el) => el.dataset.provider === 'openai')
    expect(warning?.textContent).toContain('OPENAI_API_KEY')
    expect(warning?.textContent).toContain('Settings')

    fireEvent.click(modelBox('anthropic/claude-3-5-haiku-20241022'))
    fireEvent.click(modelBox('demo/triage-sim-2026-03'))
    fireEvent.click(modelBox('demo/triage-sim-2026-09'))
    fireEvent.change(byId('new-run-add-model'), { target: { value: 'ollama/llama3.1:8b' } })
    fireEvent.click(byId('new-run-add-model-button'))
    expect(modelBox('ollama/llama3.1:8b').checked).toBe(true)
    fireEvent.click(modelBox('ollama/llama3.1:8b'))
    fireEvent.change(byId('new-run-repeats'), { target: { value: '2' } })
    fireEvent.change(byId('new-run-concurrency'), { target: { value: '3' } })
    expect(byId<HTMLInputElement>('new-run-cache').checked).toBe(true)
    expect(byId('new-run-cache').closest('label')?.textContent).toContain('temperature 0')
    fireEvent.click(byId('new-run-cache'))
    expect(byId<HTMLInputElement>('new-run-name').value).toBe('Ticket triage v2,v3 × 2 models')

    // 2 versions × 2 models × 145 cases × 2 repeats.
    await waitFor(() => expect(byId('estimate-calls').textContent).toBe('1,160'))
    expect(byId('estimate-tokens').textContent).toBe('139,200')
    expect(byId('estimate-cost').textContent).toBe('$0')
    expect(byId('estimate-time').textContent).toBe('9 min 40 s')
    // The estimate says what its time is built from.
    expect(byId('estimate-basis').textContent).toContain('assumes 0.5 s a call to demo (no recent calls)')
    const planCalls = calls(core, 'runs.plan')
    expect(planCalls.at(-1)?.input).toEqual({
      promptVersionIds: ['p-triage-v2', 'p-triage-v3'],
      models: [
        { provider: 'demo', model: 'triage-sim-2026-03' },
        { provider: 'demo', model: 'triage-sim-2026-09' },
      ],
      datasetId: 'ds-golden',
      repeats: 2,
      mode: 'stream',
      useCache: false,
      concurrency: { demo: 3 },
    })

    fireEvent.keyDown(window, { key: 'Enter', code: 'Enter', ctrlKey: true })
    await screen.findByTestId('run-detail')
    expect(calls(core, 'runs.start')[0]?.input).toEqual({
      ...(planCalls.at(-1)?.input as object),
      name: 'Ticket triage v2,v3 × 2 models',
    })
    expect(byId('run-name').textContent).toBe('Ticket triage v2,v3 × 2 models')
    expect(byId('run-status').textContent).toBe('running')
    await waitFor(() => expect(rows()[0]?.getAttribute('aria-current')).toBe('true'))
    expect(appState()).toBe('ready')
  })

  it('keeps Start disabled while the plan is incomplete and says what is missing', async () => {
    await openRuns()
    fireEvent.click(byId('runs-new'))
    await waitFor(() => expect(byId<HTMLInputElement>('new-run-version-3').checked).toBe(true))
    fireEvent.click(byId('new-run-version-3'))
    const start = byId<HTMLButtonElement>('new-run-start')
    expect(start.disabled).toBe(true)
    expect(byId('new-run-problems').textContent).toContain('Choose at least one prompt version.')
    // v1 pins OpenAI, which has no key here: its model is offered but not checked.
    fireEvent.click(byId('new-run-version-1'))
    await waitFor(() => expect(modelBox('openai/gpt-4o-mini-2024-07-18').checked).toBe(false))
    expect(start.disabled).toBe(true)
    expect(byId('new-run-problems').textContent).toContain('Choose at least one model.')
    fireEvent.click(modelBox('demo/triage-sim-2026-03'))
    await waitFor(() => expect(start.disabled).toBe(false))
    fireEvent.change(byId('new-run-repeats'), { target: { value: '0' } })
    expect(start.disabled).toBe(true)
    expect(screen.queryByTestId('estimate-calls')).toBeNull()
  })

  it('shows the unknown cost of a model without a price', async () => {
    await openRuns()
    fireEvent.click(byId('runs-new'))
    await waitFor(() => expect(byId('estimate-cost').textContent).toBe('unknown'))
  })
})

describe('run detail', () => {
  const running = () =>
    makeRun('r-live', {
      name: 'Live run',
      status: 'running',
      counts: { total: 290, done: 100, errors: 1, cached: 0, spentUsd: 0.01 },
    })

  it('follows progress events live without refetching the list for each', async () => {
    const { core } = await openRuns((state) => {
      state.runs = [running()]
    })
    fireEvent.click(await screen.findByTestId('run-row'))
    const bar = byId('run-progress')
    expect(bar.getAttribute('role')).toBe('progressbar')
    expect(bar.getAttribute('aria-valuenow')).toBe('100')
    expect(bar.getAttribute('aria-valuemax')).toBe('290')
    const listCalls = calls(core, 'runs.list').length
    act(() => {
      for (let done = 101; done <= 120; done += 1) {
        core.transport.emit('runs.progress', {
          runId: 'r-live',
          status: 'running',
          done,
          total: 290,
          errors: 4,
          callsPerSecond: 12.34,
          spentUsd: 0.1234,
          etaSeconds: 200,
          batch: null,
        })
      }
    })
    // The cached list notifies the screen on the next tick (TanStack batches its notifications).
    await waitFor(() => expect(byId('run-done').textContent).toBe('120 / 290'))
    expect(bar.getAttribute('aria-valuenow')).toBe('120')
    expect(byId('run-rate').textContent).toBe('12.3 calls/s')
    expect(byId('run-eta').textContent).toBe('3 min 20 s')
    expect(byId('run-spend').textContent).toBe('$0.12')
    expect(byId('run-errors').textContent).toBe('4')
    expect(screen.getByTestId('run-row').textContent).toContain('120 / 290')
    expect(calls(core, 'runs.list')).toHaveLength(listCalls)

    act(() => {
      core.transport.emit('runs.progress', {
        runId: 'r-live',
        status: 'completed',
        done: 290,
        total: 290,
        errors: 4,
        callsPerSecond: 0,
        spentUsd: 0.3,
        etaSeconds: 0,
        batch: null,
      })
    })
    await waitFor(() => expect(byId('run-status').textContent).toBe('completed'))
    expect(screen.queryByTestId('run-pause')).toBeNull()
    expect(byId('run-eta').textContent).toBe('—')
  })

  it('offers pause and cancel while running, resume and cancel once paused; cancel asks first', async () => {
    const { core } = await openRuns((state) => {
      state.runs = [running()]
    })
    fireEvent.click(await screen.findByTestId('run-row'))
    expect(screen.queryByTestId('run-resume')).toBeNull()
    fireEvent.click(byId('run-pause'))
    await waitFor(() => expect(byId('run-status').textContent).toBe('paused'))
    expect(screen.queryByTestId('run-pause')).toBeNull()
    expect(byId('run-cancel')).toBeTruthy()
    fireEvent.click(byId('run-resume'))
    await waitFor(() => expect(byId('run-status').textContent).toBe('running'))
    // "Keep running" leaves the run alone; confirming cancels it.
    fireEvent.click(byId('run-cancel'))
    expect(byId('cancel-run-dialog').textContent).toContain('results already stored are kept')
    expect(document.activeElement).toBe(byId('cancel-run-dialog-keep'))
    fireEvent.click(byId('cancel-run-dialog-keep'))
    expect(screen.queryByTestId('cancel-run-dialog')).toBeNull()
    expect(calls(core, 'runs.cancel')).toHaveLength(0)
    expect(byId('run-status').textContent).toBe('running')
    fireEvent.click(byId('run-cancel'))
    fireEvent.click(byId('cancel-run-dialog-confirm'))
    await waitFor(() => expect(byId('run-status').textContent).toBe('cancelled'))
    expect(byId('run-resume')).toBeTruthy()
    expect(screen.queryByTestId('run-cancel')).toBeNull()
    expect(calls(core, 'runs.pause')).toHaveLength(1)
    expect(calls(core, 'runs.cancel')).toHaveLength(1)
  })
})

describe('address', () => {
  it('opens the run named in the address and keeps the address in step with the selection', async () => {
    await openRuns(
      (state) => {
        state.runs = [
          makeRun('r-1', { name: 'First' }),
          makeRun('r-2', { name: 'Second', createdAt: '2025-03-02T10:00:00.000Z' }),
        ]
      },
      { initialRun: 'r-1' },
    )
    expect((await screen.findByTestId('run-name')).textContent).toBe('First')
    await waitFor(() => expect(location.hash).toBe('#/runs/r-1'))
    fireEvent.click(rows()[0]!)
    expect(byId('run-name').textContent).toBe('Second')
    expect(location.hash).toBe('#/runs/r-2')
    fireEvent.click(byId('runs-new'))
    await waitFor(() => expect(location.hash).toBe('#/runs'))
  })

  it('says why a failed run failed and what to do', async () => {
    const message =
      'Provider "my-gateway" refused the API key (401 Incorrect API key provided.). Fix it, then resume.'
    await openRuns(
      (state) => {
        state.runs = [makeRun('r-1', { status: 'failed', failure: { kind: 'key-refused', message } })]
      },
      { initialRun: 'r-1' },
    )
    const failure = await screen.findByTestId('run-failure')
    expect(failure.textContent).toBe(`The run failed: ${message}`)
    expect(failure.dataset.kind).toBe('key-refused')
  })

  it('says what to do after a failure the run could not name, beside its message', async () => {
    const message = 'database or disk is full'
    await openRuns(
      (state) => {
        state.runs = [makeRun('r-1', { status: 'failed', failure: { kind: 'error', message } })]
      },
      { initialRun: 'r-1' },
    )
    const failure = await screen.findByTestId('run-failure')
    expect(failure.textContent).toContain(`The run failed: ${message}`)
    expect(failure.textContent).toMatch(/press Resume to call only what is missing/)
  })
})

describe('resume offer', () => {
  const interrupted = (state: FakeCoreState) => {
    state.runs = [
      makeRun('r-a', { name: 'Nightly A', status: 'interrupted' }),
      makeRun('r-b', { name: 'Nightly B', status: 'interrupted', createdAt: '2025-03-02T10:00:00.000Z' }),
      makeRun('r-c', { name: 'Done', status: 'completed' }),
    ]
  }

  it('shows in the header on any screen and links to Runs', async () => {
    const state = demoState()
    interrupted(state)
    renderApp(createFakeCore(state).transport, { initialRoute: 'prompts' })
    await waitFor(() => expect(appState()).toBe('ready'))
    const notice = await screen.findByTestId('header-resume-notice')
    expect(notice.textContent).toContain('2 runs were interrupted')
    fireEvent.click(notice)
    expect(await screen.findByTestId('resume-offer')).toBeTruthy()
    expect(screen.queryByTestId('header-resume-notice')).toBeNull()
  })

  it('resumes one run at a time, and can be dismissed', async () => {
    const { core } = await openRuns(interrupted)
    const offer = await screen.findByTestId('resume-offer')
    expect(offer.textContent).toContain(
      '2 runs were interrupted (the app closed or crashed). Completed results are kept; resuming calls only what is missing.',
    )
    const buttons = within(offer).getAllByTestId('resume-offer-resume')
    expect(buttons.map((b) => b.dataset.runId)).toEqual(['r-b', 'r-a'])
    fireEvent.click(buttons[1]!)
    await waitFor(() => expect(calls(core, 'runs.resume')[0]?.input).toEqual({ id: 'r-a' }))
    await waitFor(() => expect(byId('run-status').textContent).toBe('running'))
    expect(byId('resume-offer').textContent).toContain('1 run was interrupted')
    fireEvent.click(byId('resume-offer-dismiss'))
    expect(screen.queryByTestId('resume-offer')).toBeNull()
  })

  it('follows a write from anywhere: a run started and one interrupted elsewhere refresh the open list', async () => {
    const { core, state } = await openRuns((s) => {
      s.runs = [makeRun('r-a', { name: 'Nightly A' })]
    })
    expect(screen.getAllByTestId('run-row')).toHaveLength(1)
    const before = calls(core, 'runs.list').length
    // The CLI (another client of the same core) starts a run; another run is found interrupted.
    state.runs?.push(
      makeRun('r-cli', { name: 'From CI', status: 'interrupted', createdAt: '2025-03-05T10:00:00.000Z' }),
    )
    core.transport.emit('db.changed', { tables: ['runs', 'run_results'] })
    await waitFor(() => expect(screen.getAllByTestId('run-row')).toHaveLength(2))
    expect(screen.getAllByTestId('run-row')[0]?.textContent).toContain('From CI')
    expect(byId('resume-offer').textContent).toContain('1 run was interrupted')
    expect(calls(core, 'runs.list')).toHaveLength(before + 1)
  })
})
