import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, defaultState, type FakeCoreState } from '../fixtures/fake-core'
import { makeResult, makeRun } from '../fixtures/fake-runs'
import { makeMetric, makeRubric, makeSlice } from '../fixtures/fake-scoring'
import { openApp } from '../features/baselines/helpers'
import { mockTableViewport, openDataset, select } from '../features/datasets/helpers'
import { appState, renderApp } from '../features/render-app'
import { mockResultsViewport } from '../features/runs/helpers'
import { unnamed } from './names'

/** The virtualized tables a test shows get a viewport (one at a time: each mock replaces clientHeight). */
let restoreViewport = () => undefined as void
afterEach(() => {
  restoreViewport()
  restoreViewport = () => undefined
  cleanup()
  history.replaceState(null, '', '/')
})

async function openScreen(route: 'datasets' | 'settings' | 'prompts', prepare?: (s: FakeCoreState) => void) {
  const state = defaultState()
  state.rubrics = [makeRubric()]
  prepare?.(state)
  const core = createFakeCore(state)
  renderApp(core.transport, { initialRoute: route })
  await waitFor(() => expect(appState()).toBe('ready'))
}

/**
 * The forms the e2e accessibility check does not open (the pairwise panel is checked in its own test, which
 * stubs the charts), for names only: contrast and layout rules need a real browser.
 */
describe('every control of the forms e2e does not open has an accessible name', () => {
  it('finds an unnamed control (the check itself works in this DOM)', async () => {
    const form = document.createElement('form')
    form.innerHTML = '<input type="text"><select><option>a</option></select><button type="button"></button>'
    document.body.append(form)
    expect((await unnamed(form)).map((line) => line.split(':')[0])).toEqual(
      expect.arrayContaining(['label', 'select-name', 'button-name']),
    )
    form.remove()
  })

  it('dataset import wizard, with a file mapped and previewed', async () => {
    await openScreen('datasets')
    fireEvent.click(screen.getByTestId('import-dataset'))
    const file = new File(['id,subject,segment\n1,Refund,smb\n2,Login,ent\n'], 'support.csv', {
      type: 'text/csv',
    })
    fireEvent.change(screen.getByTestId('import-file-input'), { target: { files: [file] } })
    await screen.findByTestId('import-preview')
    expect(await unnamed(document.body)).toEqual([])
  })

  it('tag dialog', async () => {
    restoreViewport = mockTableViewport()
    await openDataset(5)
    select('k-00000')
    fireEvent.click(screen.getByTestId('tag-cases'))
    expect(await unnamed(screen.getByTestId('tag-dialog'))).toEqual([])
  })

  it('suite scorer and gate editors', async () => {
    await openScreen('prompts')
    fireEvent.click(screen.getAllByTestId('prompt-item')[1]!)
    fireEvent.click(await screen.findByTestId('tab-suite'))
    await screen.findByTestId('suite-editor')
    fireEvent.click(screen.getByTestId('suite-add-scorer'))
    expect(await unnamed(screen.getByTestId('scorer-form'))).toEqual([])
    fireEvent.click(screen.getByTestId('suite-add-gate'))
    expect(await unnamed(screen.getByTestId('gate-form'))).toEqual([])
  })

  it('sign-off dialog', async () => {
    restoreViewport = mockResultsViewport()
    await openApp({ initialRoute: 'runs' }, (state) => {
      state.runs = [makeRun('r1')]
      state.runResults = { r1: [makeResult('r1', 0)] }
      state.summaries = {
        r1: {
          runId: 'r1',
          suiteVersion: 1,
          slices: [makeSlice('p-triage-v2', 'triage-sim', { metrics: [makeMetric('format.json_schema')] })],
        },
      }
    })
    fireEvent.click(await screen.findByTestId('run-row'))
    await screen.findByTestId('results-grid')
    fireEvent.click(screen.getByTestId('run-tab-summary'))
    fireEvent.click((await screen.findAllByTestId('signoff-open'))[0]!)
    expect(await unnamed(await screen.findByTestId('signoff-dialog'))).toEqual([])
  })

  it('Settings: add-provider and price forms, and the rubric editor', async () => {
    await openScreen('settings')
    await waitFor(() => expect(screen.getAllByTestId('provider-row').length).toBeGreaterThan(0))
    await screen.findByTestId('prices-section')
    fireEvent.click(screen.getByTestId('rubric-new'))
    await screen.findByTestId('rubric-editor')
    expect(await unnamed(document.body)).toEqual([])
  })
})
