import { compactExpected } from '../../../stores/datasets/case-fields'
import { selectImportPreview } from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'
import { ConversationBadge } from '../table/ConversationBadge'
import { TagChips } from '../table/TagChips'

const shown = 10

/** The first rows as the cases they become with this mapping (text shown as text, never as markup). */
export function PreviewRows() {
  const preview = useDatasetImport(selectImportPreview)
  if (!preview || preview.firstRows.length === 0) return null
  return (
    <section className="preview-rows" aria-label="First rows">
      <h3>First {Math.min(shown, preview.firstRows.length)} rows as cases</h3>
      <div className="table-scroll">
        <table className="import-rows" data-testid="import-first-rows">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Key</th>
              <th scope="col">Variables</th>
              <th scope="col">Expected</th>
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {preview.firstRows.slice(0, shown).map((r) => (
              <tr key={r.row} data-testid="preview-row" data-row={r.row} className={r.case ? '' : 'fails'}>
                <td className="num">{r.row}</td>
                {r.case ? (
                  <>
                    <td>
                      <code>{r.case.key}</code>
                    </td>
                    <td>
                      {Object.entries(r.case.vars).map(([name, value]) => (
                        <div key={name} className="preview-var">
                          <span className="muted">{name}:</span> {value}
                        </div>
                      ))}
                      {r.case.conversation ? <ConversationBadge turns={r.case.conversation} /> : null}
                    </td>
                    <td>
                      {r.case.expectedOutput !== null ? <div>{r.case.expectedOutput}</div> : null}
                      <div className="muted">{compactExpected(r.case.expected)}</div>
                    </td>
                    <td>
                      <TagChips tags={r.case.tags} />
                    </td>
                  </>
                ) : (
                  <td colSpan={4} className="bad">
                    fails — see the failing rows below
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
