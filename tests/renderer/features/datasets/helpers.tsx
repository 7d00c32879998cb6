import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { expect } from 'vitest'
import { createFakeCore, defaultState, type FakeCoreState } from '../../fixtures/fake-core'
import { seedDataset } from '../../fixtures/fake-datasets'
import { appState, renderApp } from '../render-app'

/**
 * happy-dom lays nothing out, so every element is 0 px tall and the virtualizer would show no row: give the
 * case table a viewport of `height` px (20 rows at 640).
 */
export function mockTableViewport(height = 640): () => void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === 'case-table' ? height : 0
    },
  })
  return () => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original)
  }
}

/** The app on `#/datasets/<id>` (or the list) over a fake core seeded with one dataset of `count` cases. */
export async function openDataset(count = 30, prepare: (state: FakeCoreState) => void = () => undefined) {
  const state = defaultState()
  seedDataset(state, 'ds-1', count)
  prepare(state)
  const core = createFakeCore(state)
  const view = renderApp(core.transport, { initialRoute: 'datasets', initialDataset: { datasetId: 'ds-1' } })
  await waitFor(() => expect(appState()).toBe('ready'))
  await screen.findByTestId('dataset-detail')
  await waitFor(() => expect(screen.getAllByTestId('case-row').length).toBeGreaterThan(0))
  return { core, state, ...view }
}

export function rows(): HTMLElement[] {
  return screen.queryAllByTestId('case-row')
}

export function row(key: string): HTMLElement {
  const found = rows().find((r) => r.dataset.caseKey === key)
  if (!found)
    throw new Error(
      `No row ${key} among ${rows()
        .map((r) => r.dataset.caseKey)
        .join(', ')}`,
    )
  return found
}

export function cell(key: string, column: string): HTMLElement {
  const found = within(row(key))
    .getAllByTestId('case-cell')
    .find((c) => c.dataset.column === column)
  if (!found) throw new Error(`No cell ${column} in ${key}`)
  return found
}

export function calls(core: ReturnType<typeof createFakeCore>, method: string) {
  return core.transport.calls.filter((c) => c.method === method)
}

export function select(key: string, shift = false) {
  fireEvent.click(within(row(key)).getByTestId('case-select'), { shiftKey: shift })
}
