import { useState } from 'react'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { plural } from '../../../components/format'
import { Time } from '../../../components/Time'
import { selectDetailActions } from '../../../stores/datasets/selectors'
import { useDatasetDetail, useDatasetNav } from '../../../stores/hooks'
import { defaultPair, SnapshotPickers } from './SnapshotPickers'

/** Snapshots newest first; compare any two, or one with the working copy. */
export function SnapshotsPanel({ detail }: { detail: DatasetDetail }) {
  const nav = useDatasetNav()
  const { openDialog } = useDatasetDetail(selectDetailActions)
  const [picked, setPicked] = useState<{ from: string; to: string } | null>(null)
  const snapshots = [...detail.snapshots].sort((a, b) => b.number - a.number)
  const valid = (id: string) => id === 'working' || snapshots.some((s) => s.id === id)
  const pair = picked && valid(picked.from) && valid(picked.to) ? picked : defaultPair(detail)
  const compare = (from: string, to: string) => void nav.openDiff(detail.dataset.id, { from, to })

  return (
    <section className="snapshots-panel" data-testid="snapshots-panel" aria-label="Snapshots">
      <p className="muted">
        Runs always use a snapshot.{' '}
        {detail.changedSinceSnapshot ? 'The working copy has changes no snapshot holds yet.' : ''}
      </p>
      <button
        type="button"
        className="button small"
        data-testid="snapshot-create-side"
        onClick={() => openDialog('snapshot')}
      >
        Take snapshot…
      </button>
      {pair ? (
        <div className="snapshot-compare">
          <SnapshotPickers
            detail={detail}
            from={pair.from}
            to={pair.to}
            onChange={(from, to) => setPicked({ from, to })}
          />
          <button
            type="button"
            className="button small primary"
            data-testid="snapshot-compare"
            disabled={pair.from === pair.to}
            onClick={() => compare(pair.from, pair.to)}
          >
            Compare
          </button>
        </div>
      ) : null}
      {snapshots.length === 0 ? (
        <p data-testid="snapshots-empty">
          No snapshot yet. Take one when the cases are ready for a run; later edits then show up as a diff.
        </p>
      ) : (
        <ol className="snapshot-list">
          {snapshots.map((s) => (
            <li
              key={s.id}
              className="snapshot-item"
              data-testid="snapshot-item"
              data-number={s.number}
              data-snapshot-id={s.id}
            >
              <div className="snapshot-head">
                <strong>Snapshot {s.number}</strong>
                <span className="muted">{plural(s.caseCount, 'case')}</span>
              </div>
              {s.message ? <p className="snapshot-message">{s.message}</p> : null}
              <p className="muted snapshot-meta">
                by {s.createdBy} <Time iso={s.createdAt} />
                {' · '}
                <button
                  type="button"
                  className="link-button"
                  data-testid="snapshot-compare-working"
                  onClick={() => compare(s.id, 'working')}
                >
                  compare with working copy
                </button>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
