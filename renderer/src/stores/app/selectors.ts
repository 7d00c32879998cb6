import type { AppState } from './app-store'

export const selectPhase = (s: AppState) => s.phase
export const selectStatus = (s: AppState) => s.status
export const selectConnectionError = (s: AppState) => s.connectionError
export const selectRoute = (s: AppState) => s.route
export const selectAppActions = (s: AppState) => s.actions

/** The workspace facts, only when it opened. */
export const selectWorkspace = (s: AppState) => (s.status?.state === 'ready' ? s.status : null)
/** Why the workspace did not open, only when it failed. */
export const selectFailure = (s: AppState) => (s.status?.state === 'failed' ? s.status.failure : null)
