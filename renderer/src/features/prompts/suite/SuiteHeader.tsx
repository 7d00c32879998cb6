import type { ChangeEvent } from 'react'
import type { EvalSuite } from '../../../../../shared/domain/scoring'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { formatAbsolute } from '../../../components/format'
import { downloadText } from '../../../lib/download'
import { useRpcMutation } from '../../../api/query'
import { submitOf } from '../../../queries/submit'
import { useImportSuite } from '../../../queries/suite'

/** Which suite version is stored, and the suite as a file: export for review in git, import one back. */
export function SuiteHeader({ suite }: { suite: EvalSuite }) {
  const exporting = useRpcMutation('suites.export')
  const importing = useImportSuite()
  // Export or import, whichever ran last.
  const transfer = submitOf(exporting.isIdle ? importing : exporting)
  const busy = exporting.isPending || importing.isPending
  const promptId = suite.promptId

  const onExport = async () => {
    importing.reset()
    const file = await exporting.mutateAsync({ promptId }).catch(() => null)
    if (!file) return
    downloadText(file.fileName, file.content)
    exporting.reset()
  }
  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    exporting.reset()
    await importing.mutateAsync({ promptId, content: await file.text() }).catch(() => null)
    // The same file can be chosen again after fixing it.
    input.value = ''
  }

  return (
    <header className="suite-head">
      <div>
        <h3>Eval suite</h3>
        <p className="muted suite-version" data-testid="suite-version" data-version={suite.version}>
          {suite.version === 0
            ? 'Default suite (not saved yet): derived from the latest version’s output format.'
            : `Version ${suite.version} · ${suite.message} · ${suite.createdBy ?? 'unknown'}, ${formatAbsolute(suite.createdAt ?? '')}`}
        </p>
      </div>
      <span className="toolbar">
        <button
          type="button"
          className="button small"
          data-testid="suite-export"
          disabled={busy}
          onClick={() => void onExport()}
        >
          Export suite
        </button>
        <label className="button small file-button">
          Import suite…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="suite-import"
            disabled={busy}
            onChange={(e) => void onImport(e)}
          />
        </label>
      </span>
      {transfer.status === 'done' ? (
        <p className="save-ok suite-imported" role="status" data-testid="suite-imported">
          Imported as version {suite.version}.
        </p>
      ) : null}
      {transfer.error ? (
        <ErrorNotice title="Suite file not processed" error={transfer.error} testId="suite-transfer-error" />
      ) : null}
    </header>
  )
}
