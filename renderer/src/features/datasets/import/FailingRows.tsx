import { useState } from 'react'
import { plural } from '../../../components/format'
import {
  failingRowsOf,
  selectImportActions,
  selectImportExcluded,
  selectImportPreview,
} from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'

const firstShown = 500

/**
 * Every failing row with its problems (row, line, column). Nothing is imported while one fails, unless the
 * PM excludes it here, row by row or all at once.
 */
export function FailingRows() {
  const preview = useDatasetImport(selectImportPreview)
  const excluded = useDatasetImport(selectImportExcluded)
  const rows = useDatasetImport((s) => s.excludedRows)
  const { toggleExclude, excludeAllFailing } = useDatasetImport(selectImportActions)
  const [limit, setLimit] = useState(firstShown)
  const all = failingRowsOf({ preview, excludedRows: rows })
  if (all.length === 0) return null
  const pending = preview?.failingRows.length ?? 0

  return (
    <section className="failing-rows" aria-label="Failing rows">
      <h3>
        Failing rows <span className="muted">{all.length}</span>
      </h3>
      <p className={pending > 0 ? 'bad' : 'muted'}>
        {pending > 0
          ? `${plural(pending, 'row')} cannot become ${pending === 1 ? 'a case' : 'cases'}. Fix the mapping, or exclude ${pending === 1 ? 'it' : 'them'} from the import.`
          : `All failing rows are excluded: they will not be imported.`}{' '}
        {pending > 0 ? (
          <button
            type="button"
            className="button small"
            data-testid="exclude-failing"
            onClick={excludeAllFailing}
          >
            Exclude all {plural(pending, 'failing row')}
          </button>
        ) : null}
      </p>
      <ul className="failing-list">
        {all.slice(0, limit).map((r) => {
          const isExcluded = excluded.includes(r.row)
          return (
            <li
              key={r.row}
              className="failing-row"
              data-testid="failing-row"
              data-row={r.row}
              data-excluded={isExcluded ? 'true' : 'false'}
            >
              <label className="check">
                <input
                  type="checkbox"
                  data-testid="failing-exclude"
                  checked={isExcluded}
                  onChange={() => toggleExclude(r.row)}
                />
                Exclude row {r.row} <span className="muted">(line {r.line})</span>
              </label>
              <ul className="issue-list">
                {r.issues.map((issue, i) => (
                  <li key={i} data-testid="failing-issue" data-column={issue.column}>
                    {issue.column ? <code>{issue.column}</code> : null}{' '}
                    {issue.turn !== undefined ? `turn ${issue.turn}: ` : ''}
                    {issue.message}
                  </li>
                ))}
              </ul>
            </li>
          )
        })}
      </ul>
      {all.length > limit ? (
        <button type="button" className="button small" onClick={() => setLimit(all.length)}>
          Show all {all.length} failing rows
        </button>
      ) : null}
    </section>
  )
}
