import type { NewRunState } from './new-run-store'
import type { ResultsState } from './results-store'
import type { RunsState } from './runs-store'

// The selected run and the pane
export const selectSelectedRunId = (s: RunsState) => s.selectedId
export const selectSelectedAt = (s: RunsState) => s.selectedAt
export const selectRunsMode = (s: RunsState) => s.mode
export const selectDismissedOffer = (s: RunsState) => s.dismissedOffer
export const selectRunsActions = (s: RunsState) => s.actions

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
