import { suiteDiffers, type SuiteState } from './suite-store'
import type { SummaryState } from './summary-store'

// The eval suite of the shown prompt
export const selectSuitePromptId = (s: SuiteState) => s.promptId
export const selectSuite = (s: SuiteState) => s.suite
export const selectSuiteLoad = (s: SuiteState) => s.load
export const selectSuiteDraft = (s: SuiteState) => s.draft
export const selectSuiteMessage = (s: SuiteState) => s.message
export const selectSuiteSave = (s: SuiteState) => s.save
export const selectSuiteTransfer = (s: SuiteState) => s.transfer
export const selectSuiteActions = (s: SuiteState) => s.actions
export const selectSuiteDirty = (s: SuiteState): boolean => suiteDiffers(s)

/**
 * Saving needs a change (or a default suite, version 0, that was never stored), a message saying what
 * changed, and no save in flight.
 */
export const selectCanSaveSuite = (s: SuiteState): boolean =>
  (suiteDiffers(s) || s.suite?.version === 0) && s.message.trim().length > 0 && s.save.status !== 'busy'

// The run detail's tab (the summary itself is a query: renderer/src/queries/summary.ts)
export const selectRunTab = (s: SummaryState) => s.tab
export const selectSummaryActions = (s: SummaryState) => s.actions
