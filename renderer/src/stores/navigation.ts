import type { AppState } from './app/app-store'
import type { AppLocation, DiffPair, PromptLocation, PromptTab } from './app/location'
import type { DiffState } from './diff/diff-store'
import type { Stores } from './index'
import type { PromptsState } from './prompts/prompts-store'
import { selectIsReadOnly } from './prompts/selectors'

/** Moves that span stores (open a prompt on a tab, compare two versions); components call these. */
export interface Navigation {
  /** Applies a parsed address: screen, prompt, version, tab and diff pair. */
  apply: (location: AppLocation) => Promise<void>
  openPrompt: (location: PromptLocation) => Promise<void>
  setTab: (tab: PromptTab) => void
  /** Shows `versionNumber` of the open prompt in the editor tab (null: the latest). */
  openVersion: (versionNumber: number | null) => Promise<void>
  openDiff: (promptId: string, pair: DiffPair) => Promise<void>
}

type NavStores = Pick<Stores, 'app' | 'prompts' | 'diff'>

export function createNavigation(stores: NavStores): Navigation {
  const prompts = () => stores.prompts.getState()

  const nav: Navigation = {
    async apply(location) {
      stores.app.getState().actions.navigate(location.route)
      if (location.route !== 'prompts') return
      await prompts().actions.ensureLoaded()
      if (location.prompt) await nav.openPrompt(location.prompt)
    },

    async openPrompt({ promptId, tab, version, diff }) {
      await prompts().actions.select(promptId, tab === 'editor' ? version : undefined)
      if (prompts().selectedId !== promptId) return
      prompts().actions.setTab(tab)
      if (tab === 'diff' && diff) await stores.diff.getState().actions.open(promptId, diff)
    },

    setTab: (tab) => prompts().actions.setTab(tab),

    async openVersion(versionNumber) {
      prompts().actions.setTab('editor')
      await prompts().actions.viewVersion(versionNumber)
    },

    async openDiff(promptId, pair) {
      if (prompts().selectedId !== promptId) await prompts().actions.select(promptId)
      if (prompts().selectedId !== promptId) return
      prompts().actions.setTab('diff')
      await stores.diff.getState().actions.open(promptId, pair)
    },
  }
  return nav
}

/** The address of what is on screen; `parseHash(formatHash(locationOf(...)))` reopens it. */
export function locationOf(app: AppState, prompts: PromptsState, diff: DiffState): AppLocation {
  const promptId = prompts.selectedId
  if (app.route !== 'prompts' || !promptId) return { route: app.route, prompt: null }
  const tab = prompts.tab
  if (tab === 'diff') {
    const pair = diff.promptId === promptId ? diff.pair : null
    return { route: app.route, prompt: pair ? { promptId, tab, diff: pair } : { promptId, tab } }
  }
  if (tab === 'editor' && prompts.detail?.prompt.id === promptId && selectIsReadOnly(prompts)) {
    return { route: app.route, prompt: { promptId, tab, version: prompts.detail.version.number } }
  }
  return { route: app.route, prompt: { promptId, tab } }
}
