import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/contract'
import type { FakeCoreState } from '../../fixtures/fake-core'
import { makeResult, makeRun } from '../../fixtures/fake-runs'
import { makeMetric, makeSlice } from '../../fixtures/fake-scoring'
import { mockResultsViewport } from '../runs/helpers'
import type { FakeBaselinesState } from './fake-baselines'
import { byId, callsOf, openApp } from './helpers'

let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockResultsViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
})

function seed(state: FakeCoreState, b: FakeBaselinesState) {
  state.runs = [
    makeRun('r1', {
      plan: {
        promptVersionIds: ['p-triage-v2', 'p-triage-v3'],
        models: [{ provider: 'demo', model: 'triage-sim' }],
        datasetId: 'ds-golden',
        repeats: 1,
        useCache: true,
        mode: 'stream' as const,
      },
    }),
  ]
  state.runResults = {
    r1: [0, 1].map((i) =>
      makeResult('r1', i, { promptVersionId: `p-triage-v${i + 2}`, modelId: 'triage-sim' }),
    ),
  }
  state.summaries = {
    r1: {
      runId: 'r1',
      suiteVersion: 1,
      slices: ['p-triage-v2', 'p-triage-v3'].map((v) =>
        makeSlice(v, 'triage-sim', { metrics: [makeMetric('format.json_schema')] }),
      ),
    },
  }
  const key = (keyId: string, owner: string) => ({
    keyId,
    owner,
    createdAt: '2025-03-01T10:00:00.000Z',
    publicKey: 'MCow',
    storage: 'safe-storage' as const,
  })
  b.keys.push(key('aaaaaaaaaaaaaaaa', 'ana'), key('cccccccccccccccc', 'Priya Shah'))
}

async function openSummary() {
  const view = await openApp({ initialRoute: 'runs' }, seed)
  fireEvent.click(await screen.findByTestId('run-row'))
  await screen.findByTestId('results-grid')
  fireEvent.click(byId('run-tab-summary'))
  await screen.findByTestId('run-summary')
  return view
}

const openButton = (version: string) =>
  screen.getAllByTestId('signoff-open').find((b) => b.dataset.sliceLabel?.includes(`v${version}`))!

describe('sign-off from the run summary', () => {
  it('offers one sign-off per slice, prefilled with the user and their own keys only', async () => {
    await openSummary()
    const buttons = screen.getAllByTestId('signoff-open')
    expect(buttons).toHaveLength(2)
    expect(buttons[0]!.getAttribute('aria-label')).toMatch(/^Sign off .*v2 on demo\/triage-sim as baseline$/)
    fireEvent.click(openButton('3'))
    const dialog = await screen.findByTestId('signoff-dialog')
    expect(byId<HTMLInputElement>('signoff-name').value).toBe('ana')
    const select = byId<HTMLSelectElement>('signoff-key')
    await waitFor(() => expect([...select.options].map((o) => o.value)).toEqual(['', 'aaaaaaaaaaaaaaaa']))
    // Signing is opt-in.
    expect(select.value).toBe('')
    fireEvent.change(select, { target: { value: 'aaaaaaaaaaaaaaaa' } })
    fireEvent.change(byId('signoff-name'), { target: { value: 'Priya Shah' } })
    expect([...select.options].map((o) => o.value)).toEqual(['', 'cccccccccccccccc'])
    expect(select.value).toBe('')
    fireEvent.change(byId('signoff-name'), { target: { value: 'Someone Else' } })
    expect([...select.options].map((o) => o.textContent)).toEqual(['No signature'])
    fireEvent.keyDown(dialog, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('signoff-dialog')).toBeNull())
  })

  it('signs off with Ctrl+Enter and shows the content hash and the key that signed', async () => {
    const { core } = await openSummary()
    fireEvent.click(openButton('3'))
    await screen.findByTestId('signoff-dialog')
    await waitFor(() => expect(byId<HTMLSelectElement>('signoff-key').options).toHaveLength(2))
    fireEvent.change(byId('signoff-key'), { target: { value: 'aaaaaaaaaaaaaaaa' } })
    fireEvent.change(byId('signoff-role'), { target: { value: 'PM' } })
    fireEvent.change(byId('signoff-comment'), { target: { value: 'Ship it <b>now</b>' } })
    fireEvent.keyDown(byId('signoff-comment'), { key: 'Enter', ctrlKey: true })
    const result = await screen.findByTestId('signoff-result')
    expect(result.textContent).toContain('Signed off by ana (PM)')
    expect(result.textContent).toContain('abababababab')
    expect(result.textContent).toContain('signed with key aaaaaaaaaaaaaaaa')
    expect(callsOf(core, 'signoffs.create')).toEqual([
      {
        promptId: 'p-triage',
        runId: 'r1',
        slice: { promptVersionId: 'p-triage-v3', provider: 'demo', modelId: 'triage-sim' },
        name: 'ana',
        role: 'PM',
        comment: 'Ship it <b>now</b>',
        keyId: 'aaaaaaaaaaaaaaaa',
      },
    ])
  })

  it('signs off without a signature, and shows the core’s refusal inline', async () => {
    const { core } = await openSummary()
    fireEvent.click(openButton('2'))
    const dialog = await screen.findByTestId('signoff-dialog')
    fireEvent.click(byId('signoff-submit'))
    // The role is required: the browser's own validation keeps the form from being sent.
    expect(callsOf(core, 'signoffs.create')).toEqual([])
    fireEvent.change(byId('signoff-role'), { target: { value: 'Reviewer' } })
    const create = core.handlers['signoffs.create']!
    core.handlers['signoffs.create'] = () => {
      throw new AppError('INVALID_INPUT', 'Run r1 is not scored yet <script>')
    }
    fireEvent.click(byId('signoff-submit'))
    const error = await within(dialog).findByTestId('signoff-error')
    expect(error.textContent).toContain('Run r1 is not scored yet <script>')
    core.handlers['signoffs.create'] = create
    fireEvent.click(byId('signoff-submit'))
    const result = await within(dialog).findByTestId('signoff-result')
    expect(result.textContent).toContain('unsigned')
    expect(result.dataset.signed).toBe('false')
    expect(callsOf(core, 'signoffs.create')[1]).toMatchObject({ keyId: null })
  })
})
