import { useState } from 'react'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { plural } from '../../../components/format'
import { selectDetailActions, selectSnapshotSave } from '../../../stores/datasets/selectors'
import { useDatasetDetail } from '../../../stores/hooks'

/** Freezes the working copy as the next numbered snapshot; runs reference snapshots, never the working copy. */
export function SnapshotDialog({ detail }: { detail: DatasetDetail }) {
  const [message, setMessage] = useState('')
  const state = useDatasetDetail(selectSnapshotSave)
  const { createSnapshot, closeDialog } = useDatasetDetail(selectDetailActions)
  const next = detail.snapshots.reduce((max, s) => Math.max(max, s.number), 0) + 1

  return (
    <Dialog title={`Take snapshot ${next}`} testId="snapshot-dialog" onClose={closeDialog}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault()
          void createSnapshot(message)
        }}
      >
        <p className="muted">
          Snapshot {next} keeps the {plural(detail.dataset.caseCount, 'case')} of the working copy as they are
          now. Editing afterwards changes the working copy only.
        </p>
        {!detail.changedSinceSnapshot && detail.snapshots.length > 0 ? (
          <p className="banner warn">Nothing changed since the newest snapshot.</p>
        ) : null}
        <Field label="What changed (optional)">
          <input
            type="text"
            data-testid="snapshot-message"
            data-autofocus
            maxLength={500}
            placeholder="e.g. Added 40 German SMB tickets"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </Field>
        {state.error ? (
          <ErrorNotice title="No snapshot taken" error={state.error} testId="snapshot-error" />
        ) : null}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="confirm-snapshot"
            disabled={state.status === 'busy'}
          >
            Take snapshot {next}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
