import { useMemo } from 'react'
import { selectCaseQuery, selectCaseTableActions } from '../../../stores/datasets/selectors'
import { useCaseTable } from '../../../stores/hooks'
import { groupTags } from '../side/coverage'

/**
 * One chip per tag, grouped by prefix (segment:, lang:, difficulty:, ...); a pressed chip is required, so
 * pressing `segment:smb` and `lang:de` shows the German SMB cases.
 */
export function TagFilters({ tagCounts }: { tagCounts: Record<string, number> }) {
  const query = useCaseTable(selectCaseQuery)
  const { toggleTag } = useCaseTable(selectCaseTableActions)
  const groups = useMemo(() => groupTags(tagCounts), [tagCounts])
  const pressed = new Set(query?.tags ?? [])
  // A required tag may vanish from the counts (its last case was untagged): keep its chip to un-press it.
  const orphaned = [...pressed].filter((tag) => !(tag in tagCounts))
  if (groups.length === 0 && orphaned.length === 0) return null

  const chip = (tag: string, label: string, count: number) => (
    <button
      key={tag}
      type="button"
      className="filter-chip"
      data-testid="tag-filter"
      data-tag={tag}
      aria-pressed={pressed.has(tag)}
      title={`${tag}: ${count} ${count === 1 ? 'case' : 'cases'}`}
      onClick={() => toggleTag(tag)}
    >
      {label} <span className="chip-count">{count}</span>
    </button>
  )

  return (
    <div className="tag-filters" role="group" aria-label="Filter by tag (all pressed tags required)">
      {groups.map((group) => (
        <div key={group.prefix} className="tag-filter-group">
          <span className="tag-filter-prefix">{group.prefix ? `${group.prefix}:` : 'tags'}</span>
          {group.rows.map((row) => chip(row.tag, row.label, row.count))}
        </div>
      ))}
      {orphaned.length > 0 ? (
        <div className="tag-filter-group">
          <span className="tag-filter-prefix">no longer used</span>
          {orphaned.map((tag) => chip(tag, tag, 0))}
        </div>
      ) : null}
    </div>
  )
}
