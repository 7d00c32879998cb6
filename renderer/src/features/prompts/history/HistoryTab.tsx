import { useEffect } from 'react'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useHistory } from '../../../stores/hooks'
import {
  selectHistoryActions,
  selectHistoryEntries,
  selectHistoryLoad,
  selectHistoryPromptId,
} from '../../../stores/registry/selectors'
import { HistoryItem } from './HistoryItem'

/** Everything that happened to the prompt, newest first: versions, approvals, promotions, rollbacks. */
export function HistoryTab({ detail }: { detail: PromptDetail }) {
  const promptId = detail.prompt.id
  const entries = useHistory(selectHistoryEntries)
  const load = useHistory(selectHistoryLoad)
  const shownFor = useHistory(selectHistoryPromptId)
  const { load: loadHistory } = useHistory(selectHistoryActions)

  // Always fetch on opening the tab; db.changed keeps it fresh while it is shown.
  useEffect(() => {
    void loadHistory(promptId)
  }, [loadHistory, promptId])

  const mine = shownFor === promptId ? entries : []
  return (
    <div className="history-tab" role="tabpanel" aria-labelledby="tab-history" data-testid="history-tab">
      {load.error ? (
        <ErrorNotice title="Could not load the history" error={load.error} testId="history-error" />
      ) : null}
      {mine.length === 0 && load.status === 'loading' ? <p className="muted">Loading history…</p> : null}
      {mine.length === 0 && load.status === 'ready' ? (
        <EmptyState title="No history yet" testId="history-empty">
          <p>
            Saving a version, approving, promoting or rolling back is recorded here with who, when and why.
          </p>
        </EmptyState>
      ) : null}
      <ol className="history-list" aria-label="History">
        {mine.map((entry) => (
          <HistoryItem key={entry.id} entry={entry} promptId={promptId} />
        ))}
      </ol>
    </div>
  )
}
