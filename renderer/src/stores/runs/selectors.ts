import type { Run } from '../../../../shared/domain/runs'
import type { CatalogState } from './catalog-store'
import type { NewRunState } from './new-run-store'
import type { ResultsState } from './results-store'
import type { RunsState } from './runs-store'

// The list and the selected run
export const selectRuns = (s: RunsState) => s.list
export const selectRunsLoad = (s: RunsState) => s.listLoad
export const selectSelectedRunId = (s: RunsState) => s.selectedId
export const selectRunsMode = (s: RunsState) => s.mode
export const selectRunControl = (s: RunsState) => s.control
export const selectDismissedOffer = (s: RunsState) => s.dismissedOffer
export const selectRunsActions = (s: RunsState) => s.actions

export const selectSelectedRun = (s: RunsState): Run | null =>
  (s.selectedId && s.list.find((r) => r.id === s.selectedId)) || null

/** The last progress event of a run (rate and time left), or null before the first. */
export const selectLive = (id: string | null) => (s: RunsState) => (id ? (s.live[id] ?? null) : null)

/** Interrupted runs the user has not dismissed; derive with useMemo from `list` and `dismissedOffer`. */
export function interruptedRuns(list: readonly Run[], dismissed: readonly string[]): Run[] {
  return list.filter((r) => r.status === 'interrupted' && !dismissed.includes(r.id))
}

/** How many interrupted runs are waiting, as a number (a stable selector value for the header). */
export const selectInterruptedCount = (s: RunsState): number =>
  s.list.reduce((n, r) => n + (r.status === 'interrupted' && !s.dismissedOffer.includes(r.id) ? 1 : 0), 0)

// Results
export const selectResultQuery = (s: ResultsState) => s.query
export const selectActiveResult = (s: ResultsState) => s.active
export const selectResultDetail = (s: ResultsState) => s.detail
export const selectResultsActions = (s: ResultsState) => s.actions
export const selectIsResultsFiltered = (s: ResultsState): boolean =>
  !!s.query &&
  !!(
    s.query.caseId.trim() ||
    s.query.caseKey.trim() ||
    s.query.provider ||
    s.query.modelId ||
    s.query.promptVersionId ||
    s.query.status
  )

// Version labels
export const selectVersionLabels = (s: CatalogState) => s.versions
export const selectCatalogActions = (s: CatalogState) => s.actions

// The new run form
export const selectNewRunForm = (s: NewRunState) => s.form
export const selectNewRunPrompt = (s: NewRunState) => s.prompt
export const selectNewRunPromptLoad = (s: NewRunState) => s.promptLoad
export const selectVersionModels = (s: NewRunState) => s.versionModels
export const selectAddModelError = (s: NewRunState) => s.addModelError
export const selectEstimate = (s: NewRunState) => s.estimate
export const selectEstimateLoad = (s: NewRunState) => s.estimateLoad
export const selectStarting = (s: NewRunState) => s.starting
export const selectNewRunActions = (s: NewRunState) => s.actions
