import { submitIdle, type SubmitState } from '../load-state'
import type { RubricsState } from './rubrics-store'
import { suiteDiffers, type SuiteState } from './suite-store'
import type { GateEntry, SummaryState } from './summary-store'

// Rubrics
export const selectRubrics = (s: RubricsState) => s.list
export const selectRubricsLoad = (s: RubricsState) => s.load
export const selectRubricSave = (s: RubricsState) => s.save
export const selectRubricsActions = (s: RubricsState) => s.actions

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

// The run summary, baselines and gates
export const selectRunTab = (s: SummaryState) => s.tab
export const selectSummary = (s: SummaryState) => s.summary
export const selectSummaryRunId = (s: SummaryState) => s.runId
export const selectSummaryLoad = (s: SummaryState) => s.load
export const selectScoring = (s: SummaryState) => s.scoring
export const selectBaselines = (s: SummaryState) => s.baselines
export const selectSummaryActions = (s: SummaryState) => s.actions

const noGate: GateEntry = { result: null, submit: submitIdle }
export const selectGateEntry =
  (sliceId: string) =>
  (s: SummaryState): GateEntry =>
    s.gates[sliceId] ?? noGate

export const selectBaselineSubmit =
  (sliceId: string) =>
  (s: SummaryState): SubmitState =>
    s.baselineSubmits[sliceId] ?? submitIdle
