import { EmptyState } from '../../../components/EmptyState'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useRuns } from '../../../stores/hooks'
import { useRunList } from '../../../queries/runs'
import { selectRunsActions, selectRunsMode, selectSelectedRunId } from '../../../stores/runs/selectors'
import { RunItem } from './RunItem'

/** Every run, newest first; N or the button plans a new one. */
export function RunList({ onNew }: { onNew: () => void }) {
  const { runs, query, error } = useRunList()
  const selectedId = useRuns(selectSelectedRunId)
  const mode = useRuns(selectRunsMode)
  const { select } = useRuns(selectRunsActions)

  let body
  if (!query.isSuccess && runs.length === 0) {
    body = error ? null : <p className="muted">Loading runs…</p>
  } else if (runs.length === 0) {
    body = <NoRuns onNew={onNew} />
  } else {
    body = (
      <ul className="run-list" aria-label="Runs, newest first">
        {runs.map((run) => (
          <RunItem
            key={run.id}
            run={run}
            current={mode === 'detail' && run.id === selectedId}
            onSelect={select}
          />
        ))}
      </ul>
    )
  }

  return (
    <section className="runs-list" data-testid="runs-list" aria-busy={query.isFetching}>
      <div className="toolbar sidebar-toolbar">
        <button
          type="button"
          className="button primary small"
          data-testid="runs-new"
          aria-keyshortcuts="N"
          onClick={onNew}
        >
          New run <kbd>N</kbd>
        </button>
      </div>
      {error ? <ErrorNotice title="Could not load runs" error={error} testId="runs-error" /> : null}
      {body}
    </section>
  )
}

function NoRuns({ onNew }: { onNew: () => void }) {
  return (
    <EmptyState title="No runs yet" testId="runs-empty">
      <p>Start a run: choose prompt versions, models and a dataset.</p>
      <p>
        You see the number of calls, tokens, cost and time before anything is sent. Without API keys, the
        simulated models run the demo offline.
      </p>
      <button type="button" className="button primary small" data-testid="runs-empty-new" onClick={onNew}>
        Start a run
      </button>
    </EmptyState>
  )
}
