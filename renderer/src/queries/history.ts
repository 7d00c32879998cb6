import type { HistoryEntry } from '../../../shared/domain/registry'
import { useRpcQuery } from '../api/query'

/** Newest first; entries written in the same instant keep the order the core recorded them in. */
export function sortHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1))
}

/**
 * One prompt's history, newest first: versions, approvals, promotions, rollbacks. Refetched when any of
 * them is written (here, by the CLI or another window).
 */
export function usePromptHistory(promptId: string | null) {
  return useRpcQuery('prompts.history', promptId ? { promptId } : null, { select: sortHistory })
}
