import type { BundleExport } from '../../../../shared/domain/bundles'

/** Where the folder went and which files the export actually changed (unchanged files were not rewritten). */
export function ExportResult({ result }: { result: BundleExport }) {
  const changed = result.files.filter((f) => f.changed).length
  return (
    <div className="op-result" data-testid="bundle-export-result" role="status">
      <p>
        Exported to <code>{result.folder}</code>:{' '}
        {changed === 0 ? 'nothing changed' : `${changed} of ${result.files.length} files changed`}.
        {result.commit ? (
          <>
            {' '}
            Committed <code data-testid="bundle-commit-sha">{result.commit.sha.slice(0, 10)}</code>.
          </>
        ) : null}
      </p>
      <ul className="plain-list">
        {result.files.map((f) => (
          <li key={f.path} data-changed={f.changed ? 'true' : 'false'}>
            <code>{f.path}</code> <span className="muted">{f.changed ? 'changed' : 'unchanged'}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
