import type { CasesState } from './cases-store'

export const selectCasesDatasetId = (s: CasesState) => s.datasetId
export const selectCasesOffset = (s: CasesState) => s.offset
export const selectCasesQuery = (s: CasesState) => s.query
export const selectCasesActions = (s: CasesState) => s.actions
