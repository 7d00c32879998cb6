import { useRpcMutation, useRpcQuery } from '../api/query'

/** Generated cases waiting for review in one dataset, with their near-duplicate flags (issue 22). */
export function useCaseDrafts(datasetId: string | null) {
  return useRpcQuery('caseDrafts.list', datasetId ? { datasetId } : null)
}

export function useGenerateCases() {
  return useRpcMutation('datasets.generateCases')
}

export function useUpdateDraft() {
  return useRpcMutation('caseDrafts.update')
}

export function useAcceptDrafts() {
  return useRpcMutation('caseDrafts.accept')
}

export function useRejectDrafts() {
  return useRpcMutation('caseDrafts.reject')
}
