import type { Run } from '../../../../../shared/domain/runs'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { downloadText } from '../../../lib/download'
import { toErrorInfo } from '../../../api'
import { useRpcMutation } from '../../../api/query'

const formats = [
  { format: 'csv', label: 'Export CSV', type: 'text/csv;charset=utf-8' },
  { format: 'jsonl', label: 'Export JSONL', type: 'application/x-ndjson;charset=utf-8' },
] as const

const hint =
  'Every result so far: case, variables, expected, prompt version, model, output, scores, tokens, cost, latency, error'

/** Downloads the run's results (one row per result) through the same save path as the dataset export. */
export function ExportResults({ run }: { run: Run }) {
  const exporting = useRpcMutation('runs.exportResults')
  const mine = exporting.variables?.runId === run.id
  const busy = mine && exporting.isPending

  const onExport = (format: 'csv' | 'jsonl', type: string) =>
    exporting.mutate(
      { runId: run.id, format },
      { onSuccess: (file) => downloadText(file.fileName, file.content, type) },
    )

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
          onClick={() => onExport(format, type)}
        >
          {label}
        </button>
      ))}
      {mine && exporting.error ? (
        <ErrorNotice
          title="Results not exported"
          error={toErrorInfo(exporting.error)}
          testId="export-results-error"
        />
      ) : null}
    </span>
  )
}
