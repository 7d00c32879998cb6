import { useQueryClient } from '@tanstack/react-query'
import type { Rubric } from '../../../shared/domain/scoring'
import { toErrorInfo } from '../api'
import { rpcQueryKey, useRpcMutation, useRpcQuery } from '../api/query'

const noRubrics: readonly Rubric[] = []
const byName = (list: readonly Rubric[]) => [...list].sort((a, b) => a.name.localeCompare(b.name))
const listKey = rpcQueryKey('rubrics.list', {})

/** The latest version of each rubric, by name (Settings, the suite editor, the new-queue dialog). */
export function useRubricList() {
  const query = useRpcQuery('rubrics.list', {}, { select: byName })
  return { rubrics: query.data ?? noRubrics, query, error: query.error ? toErrorInfo(query.error) : null }
}

/** rubrics.save: a changed rubric becomes a new version, shown in the list at once. */
export function useSaveRubric() {
  const queries = useQueryClient()
  return useRpcMutation('rubrics.save', {
    onSuccess: (saved) =>
      queries.setQueryData<Rubric[]>(listKey, (list) =>
        list ? [...list.filter((r) => r.key !== saved.key), saved] : list,
      ),
  })
}
