import { useSyncExternalStore } from 'react'

/**
 * Whether the first-run guide is shown, per workspace: `auto` (never touched: shown until the five steps are
 * done), `hidden` (dismissed) or `open` (brought back by the user, shown even when all is done). Kept in
 * localStorage, with an in-memory copy for when storage is disabled, so dismissing still works for the session.
 */
export type GuideMode = 'auto' | 'hidden' | 'open'

const keyFor = (workspace: string) => `evallab.guide.${workspace}`
const fallback = new Map<string, GuideMode>()
const listeners = new Set<() => void>()

const isMode = (value: string | null): value is GuideMode =>
  value === 'auto' || value === 'hidden' || value === 'open'

export function guideMode(workspace: string): GuideMode {
  try {
    const stored = localStorage.getItem(keyFor(workspace))
    if (isMode(stored)) return stored
  } catch {
    // Storage disabled: the session's own choice below.
  }
  return fallback.get(workspace) ?? 'auto'
}

export function setGuideMode(workspace: string, mode: GuideMode): void {
  fallback.set(workspace, mode)
  try {
    localStorage.setItem(keyFor(workspace), mode)
  } catch {
    // Storage disabled: the in-memory choice holds until the app is closed.
  }
  listeners.forEach((listener) => listener())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The guide's mode for the workspace; the panel and the header button re-render together when it changes. */
export function useGuideMode(workspace: string): GuideMode {
  return useSyncExternalStore(subscribe, () => guideMode(workspace))
}
