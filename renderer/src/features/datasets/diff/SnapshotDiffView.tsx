import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { toErrorInfo } from '../../../api'
import { useSnapshotDiff as useDiffQuery } from '../../../queries/datasets'
import { selectSnapshotDiffDatasetId, selectSnapshotPair } from '../../../stores/datasets/selectors'
import { useDatasetNav, useSnapshotDiff } from '../../../stores/hooks'
import { SnapshotPickers } from '../side/SnapshotPickers'
import { DiffSection } from './DiffSection'

/** What changed between two snapshots (or a snapshot and the working copy): counts, then the cases. */
export function SnapshotDiffView({ detail }: { detail: DatasetDetail }) {
  const pair = useSnapshotDiff(selectSnapshotPair)
  const pairFor = useSnapshotDiff(selectSnapshotDiffDatasetId)
  const nav = useDatasetNav()
  const datasetId = detail.dataset.id
  const query = useDiffQuery(pairFor === datasetId ? datasetId : null, pair)
  const diff = query.data
  const error = query.error ? toErrorInfo(query.error) : null

  return (
    <section
      className="snapshot-diff"
      data-testid="snapshot-diff"
      aria-label="Snapshot diff"
      aria-busy={query.isFetching}
    >
      <div className="toolbar">
        <button type="button" className="button small" data-testid="diff-back" onClick={nav.closeDiff}>
          ← Back to cases
        </button>
        {pair ? (
          <SnapshotPickers
            detail={detail}
            from={pair.from}
            to={pair.to}
            onChange={(from, to) => void nav.openDiff(datasetId, { from, to })}
          />
        ) : null}
      </div>
      {error ? <ErrorNotice title="Could not compare" error={error} testId="diff-error" /> : null}
      {diff ? (
        <>
          <p className="diff-summary" data-testid="diff-summary">
            <span className="diff-count added" data-testid="diff-count-added" data-count={diff.added.length}>
              added {diff.added.length}
            </span>
            <span
              className="diff-count removed"
              data-testid="diff-count-removed"
              data-count={diff.removed.length}
            >
              removed {diff.removed.length}
            </span>
            <span
              className="diff-count edited"
              data-testid="diff-count-edited"
              data-count={diff.edited.length}
            >
              edited {diff.edited.length}
            </span>
            <span className="diff-count" data-testid="diff-count-unchanged" data-count={diff.unchanged}>
              unchanged {diff.unchanged}
            </span>
          </p>
          {diff.added.length + diff.removed.length + diff.edited.length === 0 ? (
            <p className="muted" data-testid="diff-none">
              No case differs: both sides hold the same cases.
            </p>
          ) : null}
          <DiffSection kind="added" title="Added" testId="diff-added" changes={diff.added} />
          <DiffSection kind="removed" title="Removed" testId="diff-removed" changes={diff.removed} />
          <DiffSection kind="edited" title="Edited" testId="diff-edited" changes={diff.edited} />
        </>
      ) : query.isFetching ? (
        <p className="muted">Comparing…</p>
      ) : null}
    </section>
  )
}
