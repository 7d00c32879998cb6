import { useEffect } from 'react'
import type { BootPhase } from '../../stores/app/app-store'

/**
 * `<html data-app-state>`: 'loading', then 'ready' once status and the first screen's data are in, or
 * 'failed' (workspace did not open, or core unreachable; `data-app-failure` says which). E2E tests wait
 * on this attribute, never on sleeps.
 */
export function useAppStateAttribute(phase: BootPhase, failureKind: string | null): void {
  useEffect(() => {
    const root = document.documentElement
    root.dataset.appState = phase === 'booting' ? 'loading' : phase === 'ready' ? 'ready' : 'failed'
    const failure = phase === 'unreachable' ? 'unreachable' : phase === 'failed' ? failureKind : null
    if (failure) root.dataset.appFailure = failure
    else delete root.dataset.appFailure
  }, [phase, failureKind])
}
