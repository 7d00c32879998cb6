import { render } from '@testing-library/react'
import { createClient, type MemoryTransport } from '../../../renderer/src/api'
import { App } from '../../../renderer/src/features/shell/App'
import { PlainDiffEditor, PlainTextEditor } from '../../../renderer/src/lib/monaco'
import { createStores, type StoresOptions } from '../../../renderer/src/stores'

/** The whole app over a memory transport, with a textarea instead of Monaco and plain text for diffs. */
export function renderApp(transport: Pick<MemoryTransport, 'rpc' | 'on'>, options: StoresOptions = {}) {
  const stores = createStores(createClient(transport), { refetchDelayMs: 5, previewDelayMs: 5, ...options })
  const view = render(<App stores={stores} editor={PlainTextEditor} diffEditor={PlainDiffEditor} />)
  return { stores, ...view }
}

export function appState(): string | undefined {
  return document.documentElement.dataset.appState
}
