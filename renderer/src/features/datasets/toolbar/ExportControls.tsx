import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { downloadText } from '../../../lib/download'
import { selectDetailActions, selectExporting, selectExportSource } from '../../../stores/datasets/selectors'
import { useDatasetDetail } from '../../../stores/hooks'

const types = { csv: 'text/csv', jsonl: 'application/x-ndjson' } as const

/** Downloads every case (never truncated) of the working copy or of one snapshot, as CSV or JSONL. */
export function ExportControls({ detail }: { detail: DatasetDetail }) {
  const source = useDatasetDetail(selectExportSource)
  const exporting = useDatasetDetail(selectExporting)
  const { exportFile, setExportSource } = useDatasetDetail(selectDetailActions)
  const known = source === 'working' || detail.snapshots.some((s) => s.id === source)

  const onExport = async (format: 'csv' | 'jsonl') => {
    const file = await exportFile(format)
    if (file) downloadText(file.fileName, file.content, `${types[format]};charset=utf-8`)
  }

  return (
    <span className="export-controls">
      <select
        aria-label="Export from"
        data-testid="export-source"
        value={known ? source : 'working'}
        onChange={(e) => setExportSource(e.target.value)}
      >
        <option value="working">Working copy</option>
        {detail.snapshots.map((s) => (
          <option key={s.id} value={s.id}>
            Snapshot {s.number}
            {s.message ? ` — ${s.message}` : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button small"
        data-testid="export-csv"
        disabled={exporting.status === 'busy'}
        onClick={() => void onExport('csv')}
      >
        Export CSV
      </button>
      <button
        type="button"
        className="button small"
        data-testid="export-jsonl"
        disabled={exporting.status === 'busy'}
        onClick={() => void onExport('jsonl')}
      >
        Export JSONL
      </button>
      {exporting.error ? (
        <ErrorNotice title="Not exported" error={exporting.error} testId="export-error" />
      ) : null}
    </span>
  )
}
