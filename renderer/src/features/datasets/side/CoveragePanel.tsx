import { useMemo } from 'react'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import {
  selectCaseQuery,
  selectCaseTableActions,
  selectDetailActions,
} from '../../../stores/datasets/selectors'
import { useCaseTable, useDatasetDetail } from '../../../stores/hooks'
import { buildCoverage, thinSentence } from './coverage'

/**
 * Cases per tag, grouped by prefix, one bar each; thin segments (too few cases, or too small a share) are
 * marked and named in a sentence. Clicking a tag filters the table by it.
 */
export function CoveragePanel({ detail }: { detail: DatasetDetail }) {
  const { tagCounts, caseCount } = detail.dataset
  const groups = useMemo(() => buildCoverage(tagCounts, caseCount), [tagCounts, caseCount])
  const query = useCaseTable(selectCaseQuery)
  const { toggleTag } = useCaseTable(selectCaseTableActions)
  const { openGenerate } = useDatasetDetail(selectDetailActions)
  const widest = Math.max(1, ...groups.flatMap((g) => g.rows.map((r) => r.count)))

  return (
    <section className="coverage-panel" data-testid="coverage-panel" aria-label="Coverage">
      <p className="coverage-summary" data-testid="coverage-summary">
        {thinSentence(groups)}
      </p>
      {groups.map((group) => (
        <div key={group.prefix} className="coverage-group">
          <h3>{group.prefix ? `${group.prefix}:` : 'other tags'}</h3>
          <ul>
            {group.rows.map((row) => (
              <li key={row.tag} className="coverage-row">
                <button
                  type="button"
                  className="coverage-tag"
                  data-testid="coverage-tag"
                  data-tag={row.tag}
                  data-thin={row.thin ? 'true' : 'false'}
                  aria-pressed={query?.tags.includes(row.tag) ?? false}
                  title={`${row.count} of ${caseCount} cases (${row.share}%)${row.thin ? ' — thin' : ''}. Click to filter.`}
                  onClick={() => toggleTag(row.tag)}
                >
                  <span className="coverage-label">{row.label}</span>
                  <span className="coverage-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(2, (row.count / widest) * 100)}%` }} />
                  </span>
                  <span className="coverage-count">
                    {row.count} <span className="muted">· {row.share}%</span>
                  </span>
                </button>
                {row.thin ? (
                  <button
                    type="button"
                    className="link-button coverage-generate"
                    data-testid="coverage-generate"
                    data-tag={row.tag}
                    title={`Ask a model for new cases like the ${row.count} tagged ${row.tag}`}
                    onClick={() => openGenerate([row.tag])}
                  >
                    Generate…
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
