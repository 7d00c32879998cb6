import { ErrorNotice } from '../../../components/ErrorNotice'
import { selectExporting, selectFilesActions } from '../../../stores/files/selectors'
import { useFiles } from '../../../stores/hooks'
import { downloadText } from '../../../lib/download'

/** Downloads the shown version as the file an application loads (prompts.exportVersion). */
export function ExportButton({ promptId, versionNumber }: { promptId: string; versionNumber: number }) {
  const exporting = useFiles(selectExporting)
  const { exportVersion } = useFiles(selectFilesActions)
  const onExport = async () => {
    const file = await exportVersion(promptId, versionNumber)
    if (file)
      downloadText(
        file.fileName,
        file.content,
        file.fileName.endsWith('.json') ? 'application/json' : 'text/plain',
      )
  }
  return (
    <>
      <button
        type="button"
        className="button small"
        data-testid="export-version"
        disabled={exporting.status === 'busy'}
        onClick={() => void onExport()}
      >
        Export v{versionNumber}
      </button>
      {exporting.error ? (
        <ErrorNotice title="Not exported" error={exporting.error} testId="export-error" />
      ) : null}
    </>
  )
}
