import { shownMapping, type FailingRow, type ImportState } from './import-store'

export const selectImportOpen = (s: ImportState) => s.open
export const selectImportFile = (s: ImportState) => s.file
export const selectImportPreview = (s: ImportState) => s.preview
export const selectImportPreviewLoad = (s: ImportState) => s.previewLoad
export const selectImportMappingErrors = (s: ImportState) => s.mappingErrors
export const selectImportExcluded = (s: ImportState) => s.excluded
export const selectImportTarget = (s: ImportState) => s.target
export const selectImportCommitting = (s: ImportState) => s.committing
export const selectImportIssues = (s: ImportState) => s.issues
export const selectKnownVariables = (s: ImportState) => s.knownVariables
export const selectKeepFileReferences = (s: ImportState) => s.keepFileReferences
export const selectImportActions = (s: ImportState) => s.actions
export const selectShownMapping = shownMapping

/**
 * Every failing row the PM has to decide on: those the core still reports, and those already excluded
 * (the core stops reporting a row once it is excluded), by row number.
 */
export function failingRowsOf(s: Pick<ImportState, 'preview' | 'excludedRows'>): FailingRow[] {
  const rows = new Map<number, FailingRow>()
  for (const row of Object.values(s.excludedRows)) rows.set(row.row, row)
  for (const row of s.preview?.failingRows ?? []) rows.set(row.row, row)
  return [...rows.values()].sort((a, b) => a.row - b.row)
}

/** Why Import is disabled, in words; null when the file can be imported as mapped. */
export function importBlocker(s: ImportState): string | null {
  if (!s.file) return 'Choose a file first.'
  if (Object.keys(s.mappingErrors).length > 0) return 'Fix the column mapping first.'
  if (s.previewLoad.status === 'loading') return 'Checking the file with this mapping…'
  if (s.previewLoad.status === 'error' || !s.preview) return 'The file could not be read.'
  const { counts, mappingIssues } = s.preview
  if (mappingIssues.length > 0) return 'Fix the column mapping first.'
  if (counts.failing > 0) {
    const rows = counts.failing === 1 ? '1 row fails' : `${counts.failing} rows fail`
    return `${rows}: fix the mapping, or exclude them explicitly.`
  }
  if (counts.valid === 0) return 'No row of this file becomes a case.'
  if (s.target.kind === 'new' && !s.target.name.trim()) return 'Name the new dataset.'
  if (s.target.kind === 'existing' && !s.target.datasetId) return 'Choose the dataset to import into.'
  if (!Object.values(shownMapping(s)).some((r) => r.role !== 'ignore')) return 'Map at least one column.'
  return null
}
