import type { DatasetsState } from './datasets-store'

export const selectDatasets = (s: DatasetsState) => s.list
export const selectDatasetsLoad = (s: DatasetsState) => s.listLoad
export const selectDatasetActions = (s: DatasetsState) => s.actions
