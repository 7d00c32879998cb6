import type { FilesState } from './files-store'

export const selectExporting = (s: FilesState) => s.exporting
export const selectImportOpen = (s: FilesState) => s.importOpen
export const selectImportExisting = (s: FilesState) => s.existing
export const selectImportForm = (s: FilesState) => s.form
export const selectImporting = (s: FilesState) => s.importing
export const selectFilesActions = (s: FilesState) => s.actions
