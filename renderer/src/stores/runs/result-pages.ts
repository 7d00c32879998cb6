import type { ResultRow } from '../../../../shared/domain/result-rows'

/** Grid rows come 200 to a page (the API allows 500): a few screens of a fast scroll per request. */
export const resultPageSize = 200

/** What the grid shows: one run's results, narrowed by the filters ('' means any). */
export interface ResultQuery {
  runId: string
  /** One case by its key, as people type it and see it (e.g. IR-07). */
  caseKey: string
  /** One case by its id: only for a result whose key is unknown. */
  caseId: string
  /** A model is its provider and model id: the model filter sets both. */
  provider: string
  modelId: string
  promptVersionId: string
  status: '' | 'ok' | 'error'
}

export type ResultFilter = Omit<ResultQuery, 'runId'>

export const noFilter: ResultFilter = {
  caseKey: '',
  caseId: '',
  provider: '',
  modelId: '',
  promptVersionId: '',
  status: '',
}

export function resultQueryKey(q: ResultQuery): string {
  return JSON.stringify([
    q.runId,
    q.caseKey.trim(),
    q.caseId.trim(),
    q.provider,
    q.modelId,
    q.promptVersionId,
    q.status,
  ])
}

/** The filter part of `runs.results` input: only the filters that are set. */
export function resultFilterInput(q: ResultQuery) {
  return {
    ...(q.caseKey.trim() ? { caseKey: q.caseKey.trim() } : {}),
    ...(q.caseId.trim() ? { caseId: q.caseId.trim() } : {}),
    ...(q.provider ? { provider: q.provider } : {}),
    ...(q.modelId ? { modelId: q.modelId } : {}),
    ...(q.promptVersionId ? { promptVersionId: q.promptVersionId } : {}),
    ...(q.status ? { status: q.status } : {}),
  }
}

/** The filter that shows one case: by its key when known (what the Case field shows), else by its id. */
export function caseFilterOf(c: {
  caseId: string
  caseKey: string | null
}): Pick<ResultFilter, 'caseKey' | 'caseId'> {
  return c.caseKey ? { caseKey: c.caseKey, caseId: '' } : { caseKey: '', caseId: c.caseId }
}

/** How a result is shown in the grid: an error, an answer reused from the cache, or a fresh answer. */
export function resultStatus(r: Pick<ResultRow, 'errorKind' | 'cached'>): 'ok' | 'error' | 'cached' {
  if (r.errorKind !== null) return 'error'
  return r.cached ? 'cached' : 'ok'
}
