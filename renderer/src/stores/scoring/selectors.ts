import type { SuiteState } from './suite-store'
import type { SummaryState } from './summary-store'

// The eval suite editor (the stored suite itself is a query: renderer/src/queries/suite.ts)
export const selectSuiteMessage = (s: SuiteState) => s.message
export const selectSuiteActions = (s: SuiteState) => s.actions

// The run detail's tab (the summary itself is a query: renderer/src/queries/summary.ts)
export const selectRunTab = (s: SummaryState) => s.tab
export const selectSummaryActions = (s: SummaryState) => s.actions
