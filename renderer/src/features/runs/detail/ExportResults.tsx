import type { Run } from '../../../../../shared/domain/runs'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { downloadText } from '../../../lib/download'
import { useRuns } from '../../../stores/hooks'
import { selectResultsExport, selectRunsActions } from '../../../stores/runs/selectors'

const formats = [
  { format: 'csv', label: 'Export CSV', type: 'text/csv;charset=utf-8' },
  { format: 'jsonl', label: 'Export JSONL', type: 'application/x-ndjson;charset=utf-8' },
] as const

const hint =
  'Every result so far: case, variables, expected, prompt version, model, output, scores, tokens, cost, latency, error'

/** Downloads the run's results (one row per result) through the same save path as the dataset export. */
export function ExportResults({ run }: { run: Run }) {
  const exporting = useRuns(selectResultsExport)
  const { exportResults } = useRuns(selectRunsActions)
  const mine = exporting.runId === run.id
  const busy = mine && exporting.status === 'busy'

  const onExport = async (format: 'csv' | 'jsonl', type: string) => {
    const file = await exportResults(run.id, format)
    if (file) downloadText(file.fileName, file.content, type)
  }

  return (
    <span className="export-controls" data-testid="export-results">
      {formats.map(({ format, label, type }) => (
        <button
          key={format}
          type="button"
          className="button small"
          data-testid={`export-results-${format}`}
          title={hint}
          disabled={busy || run.counts.done === 0}
          onClick={() => void onExport(format, type)}
        >
          {label}
        </button>
      ))}
      {mine && exporting.error ? (
        <ErrorNotice title="Results not exported" error={exporting.error} testId="export-results-error" />
      ) : null}
    </span>
  )
}
