import { QueryClientProvider } from '@tanstack/react-query'
import { useDeferredValue, useEffect, useRef, type ComponentType } from 'react'
import { RpcClientContext } from '../../api/query'
import {
  DiffEditorContext,
  TextEditorContext,
  type DiffEditorProps,
  type TextEditorProps,
} from '../../lib/monaco'
import { boot, type Stores } from '../../stores'
import { selectConnectionError, selectFailure, selectPhase, selectStatus } from '../../stores/app/selectors'
import { StoresContext, useApp, useConnection } from '../../stores/hooks'
import { RecoveryScreen } from '../recovery/RecoveryScreen'
import { UnreachableScreen } from '../recovery/UnreachableScreen'
import { useAppStateAttribute } from './app-state-attribute'
import { Shell } from './Shell'

interface AppProps {
  stores: Stores
  /** Replaces the Monaco editor (unit tests pass PlainTextEditor). */
  editor?: ComponentType<TextEditorProps>
  /** Replaces the Monaco diff editor (unit tests pass PlainDiffEditor). */
  diffEditor?: ComponentType<DiffEditorProps>
}

export function App({ stores, editor, diffEditor }: AppProps) {
  const booted = useRef(false)
  useEffect(() => {
    if (booted.current) return
    booted.current = true
    void boot(stores)
  }, [stores])
  // A start that found no core tries again by itself once the connection comes back.
  useEffect(
    () =>
      stores.connection.subscribe(({ connection }, previous) => {
        const back = connection.status === 'connected' && previous.connection.status !== 'connected'
        if (back && stores.app.getState().phase === 'unreachable') void boot(stores)
      }),
    [stores],
  )

  const root = (
    <QueryClientProvider client={stores.queries}>
      <RpcClientContext.Provider value={stores.client}>
        <StoresContext.Provider value={stores}>
          <Root onRetry={() => void boot(stores)} />
        </StoresContext.Provider>
      </RpcClientContext.Provider>
    </QueryClientProvider>
  )
  const withDiff = diffEditor ? (
    <DiffEditorContext.Provider value={diffEditor}>{root}</DiffEditorContext.Provider>
  ) : (
    root
  )
  return editor ? (
    <TextEditorContext.Provider value={editor}>{withDiff}</TextEditorContext.Provider>
  ) : (
    withDiff
  )
}

function Root({ onRetry }: { onRetry: () => void }) {
  // Deferred: the render that opens the workspace (the shell and its first screen, the biggest of a page load)
  // runs at transition priority, which React slices and interrupts, instead of as one long task. The ready
  // attribute follows the same deferred phase, so it is set only once that screen is on the page.
  const phase = useDeferredValue(useApp(selectPhase))
  const status = useDeferredValue(useApp(selectStatus))
  const failure = useApp(selectFailure)
  const connectionError = useApp(selectConnectionError)
  const reconnecting = useConnection((s) => s.connection.status === 'reconnecting')
  useAppStateAttribute(phase, failure?.kind ?? null)

  if (phase === 'unreachable')
    return <UnreachableScreen error={connectionError} onRetry={onRetry} reconnecting={reconnecting} />
  if (failure && status) return <RecoveryScreen home={status.home} failure={failure} />
  if (status?.state === 'ready') return <Shell workspace={status} />
  return (
    <main className="boot" aria-busy="true" data-testid="boot-screen">
      <p>Opening the workspace…</p>
    </main>
  )
}
