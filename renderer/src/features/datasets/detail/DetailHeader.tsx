import { useState } from 'react'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { plural } from '../../../components/format'
import { Time } from '../../../components/Time'
import { selectDetailActions } from '../../../stores/datasets/selectors'
import { useDatasetDetail, useDatasetNav } from '../../../stores/hooks'
import { DetailsForm } from './DetailsForm'

/** Name and description (editable), size, where the dataset came from, and whether it changed since its snapshot. */
export function DetailHeader({ detail }: { detail: DatasetDetail }) {
  const [editing, setEditing] = useState(false)
  const nav = useDatasetNav()
  const { openDialog } = useDatasetDetail(selectDetailActions)
  const { dataset, parent } = detail
  return (
    <header className="detail-head dataset-head">
      <div className="detail-title">
        <h2 data-testid="dataset-name">{dataset.name}</h2>
        <SnapshotBadge detail={detail} />
        {editing ? null : (
          <button
            type="button"
            className="link-button"
            data-testid="edit-dataset-details"
            onClick={() => setEditing(true)}
          >
            Edit details
          </button>
        )}
        <button
          type="button"
          className="link-button danger"
          data-testid="delete-dataset"
          onClick={() => openDialog('deleteDataset')}
        >
          Delete dataset…
        </button>
      </div>
      {editing ? (
        <DetailsForm name={dataset.name} description={dataset.description} onDone={() => setEditing(false)} />
      ) : dataset.description ? (
        <p className="muted" data-testid="dataset-description">
          {dataset.description}
        </p>
      ) : null}
      <p className="muted dataset-facts">
        {dataset.caseCount.toLocaleString()} {dataset.caseCount === 1 ? 'case' : 'cases'} ·{' '}
        {plural(dataset.snapshotCount, 'snapshot')} · updated <Time iso={dataset.updatedAt} />
        {parent ? (
          <>
            {' · made from '}
            <a
              href={`#/datasets/${encodeURIComponent(parent.id)}`}
              data-testid="dataset-parent"
              onClick={(e) => {
                e.preventDefault()
                void nav.openDataset(parent.id)
              }}
            >
              {parent.name}
            </a>
          </>
        ) : null}
      </p>
    </header>
  )
}

function SnapshotBadge({ detail }: { detail: DatasetDetail }) {
  const newest = detail.snapshots.reduce<number | null>((max, s) => Math.max(max ?? 0, s.number), null)
  let text: string
  if (newest === null) text = 'no snapshot yet'
  else if (detail.changedSinceSnapshot) text = `changed since snapshot ${newest}`
  else text = `same as snapshot ${newest}`
  return (
    <span
      className={`badge ${detail.changedSinceSnapshot ? 'dirty' : ''}`}
      data-testid="snapshot-badge"
      data-changed={detail.changedSinceSnapshot ? 'true' : 'false'}
      title={
        detail.changedSinceSnapshot
          ? 'Runs use snapshots: take one (Snapshot…) so a run can use these edits.'
          : 'The working copy equals the newest snapshot.'
      }
    >
      {text}
    </span>
  )
}
