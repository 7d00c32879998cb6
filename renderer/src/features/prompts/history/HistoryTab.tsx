import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { toErrorInfo } from '../../../api'
import { usePromptHistory } from '../../../queries/history'
import { HistoryItem } from './HistoryItem'

/** Everything that happened to the prompt, newest first: versions, approvals, promotions, rollbacks. */
export function HistoryTab({ detail }: { detail: PromptDetail }) {
  const promptId = detail.prompt.id
  const { data: mine = [], error, isPending, isSuccess } = usePromptHistory(promptId)
  return (
    <div className="history-tab" role="tabpanel" aria-labelledby="tab-history" data-testid="history-tab">
      {error ? (
        <ErrorNotice title="Could not load the history" error={toErrorInfo(error)} testId="history-error" />
      ) : null}
      {mine.length === 0 && isPending ? <p className="muted">Loading history…</p> : null}
      {mine.length === 0 && isSuccess ? (
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
