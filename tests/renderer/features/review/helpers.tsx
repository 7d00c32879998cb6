import { screen, waitFor } from '@testing-library/react'
import { expect } from 'vitest'
import type { StoresOptions } from '../../../../renderer/src/stores'
import { createFakeCore, type FakeCoreState } from '../../fixtures/fake-core'
import { assign, makeQueue } from '../../fixtures/fake-review'
import { makeRun } from '../../fixtures/fake-runs'
import { appState, renderApp } from '../render-app'
import { demoState } from '../runs/helpers'

/** The demo workspace with one run, two reviewers and queue q1 (3 items each for Ana and Ben). */
export function reviewState(): FakeCoreState {
  const state = demoState()
  state.runs = [makeRun('r1', { name: 'Triage run' })]
  state.reviewers = [
    { id: 'rv-ana', name: 'Ana', createdAt: '2025-04-01T10:00:00.000Z' },
    { id: 'rv-ben', name: 'Ben', createdAt: '2025-04-01T10:00:00.000Z' },
  ]
  const q1 = makeQueue('q1', { name: 'Triage check' })
  state.queues = [q1]
  state.assignments = [...assign(q1, 'rv-ana', 3), ...assign(q1, 'rv-ben', 3)]
  return state
}

/** The app on the Review screen over a fake core, ready. */
export async function openReview(
  prepare: (state: FakeCoreState) => void = () => undefined,
  options: StoresOptions = {},
) {
  const state = reviewState()
  prepare(state)
  const core = createFakeCore(state)
  const view = renderApp(core.transport, { initialRoute: 'review', ...options })
  await waitFor(() => expect(appState()).toBe('ready'))
  await screen.findByTestId('review-screen')
  return { core, state, ...view }
}

export function calls(core: ReturnType<typeof createFakeCore>, method: string) {
  return core.transport.calls.filter((c) => c.method === method)
}
