export interface TagRow {
  tag: string
  /** The part after the prefix ("enterprise" for "segment:enterprise"). */
  label: string
  count: number
}

export interface TagGroup {
  /** "segment", "lang", …; '' for tags without a prefix. */
  prefix: string
  rows: TagRow[]
}

/**
 * Tags grouped by the prefix before the first ':' (segment:, lang:, …), groups alphabetical with
 * unprefixed tags last, rows by count (largest first) then name: where a dataset is thin shows at once.
 */
export function groupTags(tagCounts: Record<string, number>): TagGroup[] {
  const groups = new Map<string, TagRow[]>()
  for (const [tag, count] of Object.entries(tagCounts)) {
    const colon = tag.indexOf(':')
    const prefix = colon > 0 ? tag.slice(0, colon) : ''
    const label = colon > 0 ? tag.slice(colon + 1) : tag
    const rows = groups.get(prefix) ?? []
    rows.push({ tag, label, count })
    groups.set(prefix, rows)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([prefix, rows]) => ({
      prefix,
      rows: rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    }))
}

/** Share of cases carrying a tag, as a whole percent; 0 for an empty dataset. */
export function share(count: number, caseCount: number): number {
  return caseCount > 0 ? Math.round((count / caseCount) * 100) : 0
}
