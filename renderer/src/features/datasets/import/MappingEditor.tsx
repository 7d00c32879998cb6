import {
  selectImportActions,
  selectImportMappingErrors,
  selectImportPreview,
  selectShownMapping,
} from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'
import { MappingRow } from './MappingRow'

/** One row per column of the file: what it becomes (variable, key, expected, tags, notes, ignored). */
export function MappingEditor() {
  const preview = useDatasetImport(selectImportPreview)
  const mapping = useDatasetImport(selectShownMapping)
  const errors = useDatasetImport(selectImportMappingErrors)
  const edited = useDatasetImport((s) => s.mapping !== null)
  const { resetMapping } = useDatasetImport(selectImportActions)
  if (!preview) return null
  const sample = preview.firstRows.find((r) => r.values)?.values ?? {}

  return (
    <section className="mapping-editor" aria-label="Column mapping">
      <h3>
        Columns{' '}
        {edited ? (
          <button type="button" className="link-button" data-testid="mapping-reset" onClick={resetMapping}>
            use the suggested mapping
          </button>
        ) : null}
      </h3>
      {!preview.needsMapping && !edited ? (
        <p className="muted">This file's layout maps itself; change a column only if it reads wrong.</p>
      ) : null}
      <table className="mapping-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">First value</th>
            <th scope="col">Becomes</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((column) => (
            <MappingRow
              key={column}
              column={column}
              role={mapping[column] ?? { role: 'ignore' }}
              sample={sample[column]}
              error={errors[column]}
            />
          ))}
        </tbody>
      </table>
      {preview.mappingIssues.length > 0 ? (
        <ul className="issue-list" data-testid="mapping-issues" role="alert">
          {preview.mappingIssues.map((issue, i) => (
            <li key={i}>
              {issue.column ? <code>{issue.column}</code> : null} {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
