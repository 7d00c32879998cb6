import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { EvalSuite, EvalSuiteDraft } from '../../../shared/domain/scoring'
import { toErrorInfo } from '../api'
import { rpcQueryKey, useRpcMutation, useRpcQuery } from '../api/query'
import { useStores, useSuite } from '../stores/hooks'
import { draftOf } from '../stores/scoring/suite-store'

const emptyDraft: EvalSuiteDraft = { scorers: [], gates: [] }
const suiteKey = (promptId: string) => rpcQueryKey('suites.get', { promptId })

/** The suite the cache holds for a prompt (the suite store edits from it). */
export const cachedSuite = (queries: QueryClient, promptId: string) =>
  queries.getQueryData<EvalSuite>(suiteKey(promptId))

/**
 * The prompt's stored suite (refetched when any client saves one) and what the editor shows: the unsaved
 * draft when there is one, else the stored suite. `dirty`: the draft differs from what is stored.
 */
export function useSuiteEditor(promptId: string) {
  const query = useRpcQuery('suites.get', { promptId })
  const shownFor = useSuite((s) => s.promptId)
  const pending = useSuite((s) => s.draft)
  const suite = query.data ?? null
  const mine = shownFor === promptId ? pending : null
  const stored = useMemo(() => (suite ? draftOf(suite) : emptyDraft), [suite])
  return {
    suite,
    query,
    error: query.error ? toErrorInfo(query.error) : null,
    draft: mine ?? stored,
    dirty: suite !== null && mine !== null,
  }
}

/** After a save or an import the new version is both what is stored and what the editor shows. */
function useAdoptSuite() {
  const queries = useQueryClient()
  const store = useStores().suite
  return (suite: EvalSuite) => {
    queries.setQueryData(suiteKey(suite.promptId), suite)
    if (store.getState().promptId === suite.promptId) store.getState().actions.discard()
  }
}

/** suites.save: the draft becomes the next version. */
export function useSaveSuite() {
  const adopt = useAdoptSuite()
  return useRpcMutation('suites.save', { onSuccess: adopt })
}

/** suites.import: the file becomes the next version (and replaces the draft). */
export function useImportSuite() {
  const adopt = useAdoptSuite()
  return useRpcMutation('suites.import', { onSuccess: adopt })
}
