import { useMemo } from 'react'
import { groupTags, share } from './tag-coverage'

interface Props {
  tagCounts: Record<string, number>
  caseCount: number
}

/** Cases per tag, grouped by prefix: a quick look at which segments a dataset covers thinly. */
export function TagCoverage({ tagCounts, caseCount }: Props) {
  const groups = useMemo(() => groupTags(tagCounts), [tagCounts])
  if (groups.length === 0) return <p className="muted">No tags on these cases yet.</p>

  return (
    <table className="coverage" data-testid="tag-coverage">
      <caption className="sr-only">Cases per tag</caption>
      <thead>
        <tr>
          <th scope="col">Tag</th>
          <th scope="col" className="num">
            Cases
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.prefix}>
          <tr className="coverage-group">
            <th scope="rowgroup" colSpan={3}>
              {group.prefix ? `${group.prefix}:` : 'other tags'}
            </th>
          </tr>
          {group.rows.map((row) => (
            <tr key={row.tag} data-tag={row.tag}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.count}</td>
              <td className="num">{share(row.count, caseCount)}%</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  )
}
