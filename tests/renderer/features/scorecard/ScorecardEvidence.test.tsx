import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreProcess, type CoreProcess } from '../../fixtures/core-process'
import { appState, renderApp } from '../render-app'

let core: CoreProcess | null = null
afterEach(async () => {
  cleanup()
  history.replaceState(null, '', '/')
  await core?.close()
  core = null
})

const triageCard = () =>
  screen.getAllByTestId('scorecard-prompt').find((c) => c.dataset.prompt === 'Ticket triage')!
const triageCriterion = (key: string) => triageCard().querySelector<HTMLElement>(`[data-key="${key}"]`)!

describe('the Scorecard screen on the real core', () => {
  it('shows the model’s levels, records the incident runbook and says why a CI result is refused', async () => {
    core = await startCoreProcess()
    renderApp(core.transport, { initialRoute: 'scorecard' })
    await waitFor(() => expect(appState()).toBe('ready'))
    await screen.findAllByTestId('scorecard-prompt')

    expect(screen.getByTestId('scorecard-level').textContent).toBe('Level 0 · Ad hoc')
    const groups = within(triageCard())
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent)
    expect(groups).toEqual([
      'Level 1 · Managed (2/3)',
      'Level 2 · Automated (0/4)',
      'Level 3 · Optimized (0/3)',
    ])
    expect(triageCriterion('incident_runbook').dataset.met).toBe('false')
    expect(within(triageCriterion('ci_gate')).getByTestId('scorecard-evidence').textContent).toBe(
      '4 gate rules, but no baseline to gate on',
    )
    expect(within(triageCriterion('incident_runbook')).getByRole('link').getAttribute('href')).toBe(
      '#/scorecard',
    )

    // Labelled controls: found by their labels, as a screen reader finds them.
    fireEvent.change(screen.getByLabelText('Runbook link or file path'), {
      target: { value: 'https://wiki.acme.test/llm/incidents' },
    })
    fireEvent.click(screen.getByTestId('runbook-save'))
    await waitFor(() => expect(triageCriterion('incident_runbook').dataset.met).toBe('true'))
    expect(screen.getByTestId('runbook-current').textContent).toMatch(
      /^Recorded: https:\/\/wiki\.acme\.test\/llm\/incidents \(link\), by .+ on \d{4}-\d\d-\d\d$/,
    )
    expect(triageCard().dataset.level).toBe('1')

    fireEvent.change(screen.getByLabelText('CI status file'), {
      target: { value: '/nowhere/ci-status.json' },
    })
    fireEvent.click(screen.getByTestId('ci-status-record'))
    const error = await screen.findByTestId('ci-status-error')
    expect(error.textContent).toContain('CI result not recorded')
    expect(error.textContent).toContain(
      '/nowhere/ci-status.json: no such file; give the path of the CI status file the workflow wrote',
    )
    expect(triageCriterion('ci_gate').dataset.met).toBe('false')
  }, 60_000)
})
