import type { SliceSummary } from '../../../../../shared/domain/scoring'
import { metricValueText } from '../../../../../shared/lib/gate-text'

/** The metrics per tag (segment: tier, channel, language…), collapsed until asked for. */
export function TagBreakdown({ slice }: { slice: SliceSummary }) {
  if (slice.byTag.length === 0) return null
  const columns = slice.metrics
  return (
    <details className="summary-tags" data-testid="summary-tags">
      <summary>Per segment ({slice.byTag.length} tags)</summary>
      <div className="summary-tags-scroll">
        <table className="dataset-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col" className="num">
                n
              </th>
              {columns.map((c) => (
                <th key={c.metric} scope="col" className="num" title={c.label}>
                  {c.metric}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slice.byTag.map((row) => (
              <tr key={row.tag} data-testid="summary-tag" data-tag={row.tag}>
                <th scope="row">
                  <code>{row.tag}</code>
                </th>
                <td className="num">{row.n}</td>
                {columns.map((c) => {
                  const m = row.metrics.find((x) => x.metric === c.metric)
                  return (
                    <td key={c.metric} className="num">
                      {m ? metricValueText(m.kind, m.value) : '—'}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
