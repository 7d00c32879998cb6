import { selectImportIssues } from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'

/** The rows and columns the core named when it refused the file (nothing was imported). */
export function ImportIssues() {
  const issues = useDatasetImport(selectImportIssues)
  if (issues.length === 0) return null
  return (
    <section
      className="import-issues"
      data-testid="import-issues"
      role="alert"
      aria-label="Why the file was refused"
    >
      <h3>Nothing was imported: {issues.length === 1 ? '1 problem' : `${issues.length} problems`}</h3>
      <table className="issue-table">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i} data-testid="import-issue" data-row={issue.row} data-column={issue.column}>
              <td className="num">{issue.row ?? '—'}</td>
              <td className="num">{issue.line ?? '—'}</td>
              <td>{issue.column ? <code>{issue.column}</code> : '—'}</td>
              <td>
                {issue.turn !== undefined ? `Turn ${issue.turn}: ` : ''}
                {issue.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
