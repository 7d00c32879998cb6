import type { ChangeEvent } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { downloadText } from '../../../lib/download'
import { useQueues } from '../../../stores/hooks'
import type { QueueFileKind } from '../../../stores/review/queues-store'
import { selectMerged, selectQueuesActions, selectTransfer } from '../../../stores/review/selectors'

const csvType = 'text/csv;charset=utf-8'

/** The text of the file picked in a file input, clearing the input so the same file can be picked again. */
async function pickedText(event: ChangeEvent<HTMLInputElement>): Promise<string | null> {
  const input = event.currentTarget
  const file = input.files?.[0]
  if (!file) return null
  const text = await file.text()
  input.value = ''
  return text
}

/** Imports a review pack from another workspace: it becomes a queue here, ready to score. */
export function ImportPackButton() {
  const { importPack } = useQueues(selectQueuesActions)
  const busy = useQueues(selectTransfer).status === 'busy'
  return (
    <label className="button small file-button">
      Import pack…
      <input
        type="file"
        accept=".json,application/json"
        data-testid="queue-import-pack"
        disabled={busy}
        onChange={(e) => void pickedText(e).then((text) => (text === null ? null : importPack(text)))}
      />
    </label>
  )
}

/** Sending a queue to a reviewer elsewhere (pack), and their scores back (scores file) with the merge counts. */
export function PackControls() {
  const { exportFile, importScores } = useQueues(selectQueuesActions)
  const transfer = useQueues(selectTransfer)
  const merged = useQueues(selectMerged)
  const busy = transfer.status === 'busy'

  async function onExport(kind: QueueFileKind): Promise<void> {
    const file = await exportFile(kind)
    if (file) downloadText(file.fileName, file.content, kind === 'scoresCsv' ? csvType : undefined)
  }

  return (
    <div className="pack-controls">
      <span className="toolbar">
        <button
          type="button"
          className="button small"
          data-testid="queue-export-pack"
          disabled={busy}
          onClick={() => void onExport('pack')}
        >
          Export pack
        </button>
        <button
          type="button"
          className="button small"
          data-testid="queue-export-scores"
          disabled={busy}
          onClick={() => void onExport('scores')}
        >
          Export scores
        </button>
        <button
          type="button"
          className="button small"
          data-testid="queue-export-scores-csv"
          title="One row per reviewer, item and criterion: score, label, comment and times, for a spreadsheet"
          disabled={busy}
          onClick={() => void onExport('scoresCsv')}
        >
          Scores as CSV
        </button>
        <label className="button small file-button">
          Import scores…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="queue-import-scores"
            disabled={busy}
            onChange={(e) => void pickedText(e).then((text) => (text === null ? null : importScores(text)))}
          />
        </label>
      </span>
      {merged ? (
        <p className="save-ok" role="status" data-testid="import-scores-result">
          Scores merged: {merged.added} added, {merged.updated} updated, {merged.unchanged} unchanged.
        </p>
      ) : null}
      {transfer.error ? (
        <ErrorNotice title="Review file not processed" error={transfer.error} testId="queue-transfer-error" />
      ) : null}
    </div>
  )
}
