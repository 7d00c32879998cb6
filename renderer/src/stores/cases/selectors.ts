import type { CasesState } from './cases-store'

export const selectCasesDatasetId = (s: CasesState) => s.datasetId
export const selectCasesPage = (s: CasesState) => s.page
export const selectCasesPageLoad = (s: CasesState) => s.pageLoad
export const selectCasesQuery = (s: CasesState) => s.query
export const selectCaseMatches = (s: CasesState) => s.matches
export const selectCaseMatchesTruncated = (s: CasesState) => s.truncated
export const selectCasesSearchLoad = (s: CasesState) => s.searchLoad
export const selectCasesActions = (s: CasesState) => s.actions
