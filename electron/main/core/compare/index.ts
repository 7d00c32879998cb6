/** Compare: slices of runs side by side for the charts, case by case, and a prompt across its versions. */
export { compareData } from './series'
export { compareCases } from './cases'
export type { CompareCasesInput, CompareCasesPage } from './cases'
export { promptTrend } from './trend'
