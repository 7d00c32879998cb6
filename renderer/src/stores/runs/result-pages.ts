import type { RunResult } from '../../../../shared/domain/runs'
import { emptyPageEntry, rowAt, type PageEntry } from '../../lib/paging/page-cache'

/** Results carry their rendered request and attempt log, so they come 200 to a page (the API allows 500). */
export const resultPageSize = 200
/** Pages kept per query; the ones farthest from the last fetched page go first. */
export const maxResultPages = 30

/** What the grid shows: one run's results, narrowed by the filters ('' means any). */
export interface ResultQuery {
  runId: string
  caseId: string
  /** A model is its provider and model id: the model filter sets both. */
  provider: string
  modelId: string
  promptVersionId: string
  status: '' | 'ok' | 'error'
}

export type ResultFilter = Omit<ResultQuery, 'runId'>

export const noFilter: ResultFilter = {
  caseId: '',
  provider: '',
  modelId: '',
  promptVersionId: '',
  status: '',
}

export type ResultEntry = PageEntry<RunResult>

export const emptyResultEntry: ResultEntry = emptyPageEntry

export function resultQueryKey(q: ResultQuery): string {
  return JSON.stringify([q.runId, q.caseId.trim(), q.provider, q.modelId, q.promptVersionId, q.status])
}

/** The filter part of `runs.results` input: only the filters that are set. */
export function resultFilterInput(q: ResultQuery) {
  return {
    ...(q.caseId.trim() ? { caseId: q.caseId.trim() } : {}),
    ...(q.provider ? { provider: q.provider } : {}),
    ...(q.modelId ? { modelId: q.modelId } : {}),
    ...(q.promptVersionId ? { promptVersionId: q.promptVersionId } : {}),
    ...(q.status ? { status: q.status } : {}),
  }
}

export function resultAt(entry: ResultEntry, index: number): RunResult | null {
  return rowAt(entry, index, resultPageSize)
}

/** How a result is shown in the grid: an error, an answer reused from the cache, or a fresh answer. */
export function resultStatus(r: Pick<RunResult, 'errorKind' | 'cached'>): 'ok' | 'error' | 'cached' {
  if (r.errorKind !== null) return 'error'
  return r.cached ? 'cached' : 'ok'
}
