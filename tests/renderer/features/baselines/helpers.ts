import { screen, waitFor } from '@testing-library/react'
import { expect } from 'vitest'
import type { StoresOptions } from '../../../../renderer/src/stores'
import { createFakeCore, type FakeCoreState } from '../../fixtures/fake-core'
import { appState, renderApp } from '../render-app'
import { demoState } from '../runs/helpers'
import { baselineHandlers, emptyBaselines, type FakeBaselinesState } from './fake-baselines'

/** The app over the demo fake core plus keys, sign-offs and baseline folders. */
export async function openApp(
  options: StoresOptions,
  prepare: (state: FakeCoreState, baselines: FakeBaselinesState) => void = () => undefined,
) {
  const state = demoState()
  const baselines = emptyBaselines()
  prepare(state, baselines)
  const core = createFakeCore(state)
  Object.assign(core.handlers, baselineHandlers(state, baselines))
  const view = renderApp(core.transport, {
    estimateDelayMs: 5,
    progressFlushMs: 0,
    liveRefreshMs: 20,
    ...options,
  })
  await waitFor(() => expect(appState()).toBe('ready'))
  return { core, state, baselines, ...view }
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)

export function callsOf(core: ReturnType<typeof createFakeCore>, method: string) {
  return core.transport.calls.filter((c) => c.method === method).map((c) => c.input)
}
