import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { FirstStep, FirstSteps } from '../../../../shared/domain/guide'
import { createFakeCore, defaultState } from '../../fixtures/fake-core'
import { appState, renderApp } from '../render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
  localStorage.clear()
})

const step = (s: FirstStep['step'], done: boolean, evidence: string, promptId: string | null = null) => ({
  step: s,
  done,
  evidence,
  promptId,
})

/** A demo-like workspace: a dataset, a prompt and its suite, but nothing run yet. */
function setup() {
  const core = createFakeCore(defaultState())
  let runDone = false
  core.handlers['guide.firstSteps'] = (): FirstSteps => ({
    steps: [
      step('dataset', true, '1 dataset with cases, e.g. Support tickets'),
      step('prompt', true, '1 prompt with a saved version, e.g. Reply drafter', 'p-1'),
      step('run', runDone, runDone ? '1 completed run, the newest first eval' : 'No completed run'),
      step('suite', true, 'Reply drafter is scored by its eval suite', 'p-1'),
      step('baseline', false, 'No prompt has a baseline run', 'p-1'),
    ],
  })
  return { core, finishRun: () => (runDone = true) }
}

const steps = () => screen.getAllByTestId('guide-step')

describe('the first-run guide', () => {
  it('lists the five steps with where each lives and whether it is done, and follows the workspace', async () => {
    const { core, finishRun } = setup()
    renderApp(core.transport, { initialRoute: 'prompts' })
    const guide = await screen.findByTestId('first-run-guide')
    expect(within(guide).getByRole('heading').textContent).toBe('Getting started: 3 of 5 steps done')
    expect(steps().map((s) => [s.dataset.step, s.dataset.done])).toEqual([
      ['dataset', 'true'],
      ['prompt', 'true'],
      ['run', 'false'],
      ['suite', 'true'],
      ['baseline', 'false'],
    ])
    const links = within(guide).getAllByTestId('guide-step-link')
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#/datasets',
      '#/prompts',
      '#/runs',
      '#/prompts/p-1/suite',
      '#/runs',
    ])
    expect(steps()[2]!.textContent).toContain('To do: No completed run')

    // A run finishing anywhere (another window, the CLI) marks the step done without a reload.
    finishRun()
    core.transport.emit('db.changed', { tables: ['runs'] })
    await waitFor(() => expect(steps()[2]!.dataset.done).toBe('true'))
    expect(steps()[2]!.textContent).toContain('Done: 1 completed run, the newest first eval')
  })

  it('is dismissed for good, and the header brings it back', async () => {
    const { core } = setup()
    renderApp(core.transport, { initialRoute: 'datasets' })
    fireEvent.click(await screen.findByTestId('guide-dismiss'))
    expect(screen.queryByTestId('first-run-guide')).toBeNull()
    expect(screen.getByTestId('guide-reopen').textContent).toBe('Getting started (3/5)')

    // A reload keeps it dismissed.
    cleanup()
    renderApp(core.transport, { initialRoute: 'datasets' })
    await waitFor(() => expect(appState()).toBe('ready'))
    fireEvent.click(await screen.findByTestId('guide-reopen'))
    expect(await screen.findByTestId('first-run-guide')).toBeTruthy()
    expect(screen.queryByTestId('guide-reopen')).toBeNull()
  })
})
