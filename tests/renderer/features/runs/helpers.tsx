import { screen, waitFor } from '@testing-library/react'
import { expect } from 'vitest'
import type { StoresOptions } from '../../../../renderer/src/stores'
import { createFakeCore, defaultState, version, type FakeCoreState } from '../../fixtures/fake-core'
import { seedDataset } from '../../fixtures/fake-datasets'
import { appState, renderApp } from '../render-app'

/** happy-dom lays nothing out: give the results grid a viewport of `height` px so rows render. */
export function mockResultsViewport(height = 600): () => void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === 'results-grid' ? height : 0
    },
  })
  return () => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original)
  }
}

/**
 * A workspace like the demo: "Ticket triage" with three versions pinning OpenAI and Anthropic models,
 * "Reply drafter" with two, and "Triage golden set" with 145 cases.
 */
export function demoState(): FakeCoreState {
  const state = defaultState()
  const openai = { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' }
  const anthropic = { provider: 'anthropic', model: 'claude-3-5-haiku-20241022' }
  state.prompts = [
    {
      id: 'p-triage',
      name: 'Ticket triage',
      description: '',
      versions: [
        version('p-triage', 1, 'Classify: {{subject}}', { model: openai }),
        version('p-triage', 2, 'Classify: {{subject}} {{body}}', { model: openai }),
        version('p-triage', 3, 'Classify (JSON): {{subject}} {{body}}', { model: anthropic }),
      ],
    },
    {
      id: 'p-reply',
      name: 'Reply drafter',
      description: '',
      versions: [
        version('p-reply', 1, 'Reply to {{subject}}'),
        version('p-reply', 2, 'Reply briefly to {{subject}}'),
      ],
    },
  ]
  seedDataset(state, 'ds-golden', 145, 'Triage golden set')
  return state
}

/** The app on the Runs screen over a fake core, ready and with the run list loaded. */
export async function openRuns(
  prepare: (state: FakeCoreState) => void = () => undefined,
  options: StoresOptions = {},
) {
  const state = demoState()
  prepare(state)
  const core = createFakeCore(state)
  const view = renderApp(core.transport, {
    initialRoute: 'runs',
    estimateDelayMs: 5,
    progressFlushMs: 0,
    liveRefreshMs: 20,
    ...options,
  })
  await waitFor(() => expect(appState()).toBe('ready'))
  await screen.findByTestId('runs-list')
  return { core, state, ...view }
}

export function calls(core: ReturnType<typeof createFakeCore>, method: string) {
  return core.transport.calls.filter((c) => c.method === method)
}
