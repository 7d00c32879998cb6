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

/** A segment is thin below either bar: too few cases to trust a score, or too small a share to matter. */
export const thinRule = { minCases: 10, minShare: 0.05 }

export interface CoverageRow extends TagRow {
  /** Whole percent of the dataset's cases. */
  share: number
  thin: boolean
}

export interface CoverageGroup {
  prefix: string
  rows: CoverageRow[]
}

export function isThin(count: number, caseCount: number, rule = thinRule): boolean {
  return count < rule.minCases || (caseCount > 0 && count / caseCount < rule.minShare)
}

/** Cases per tag grouped by prefix, each marked thin or not. */
export function buildCoverage(
  tagCounts: Record<string, number>,
  caseCount: number,
  rule = thinRule,
): CoverageGroup[] {
  return groupTags(tagCounts).map((group) => ({
    prefix: group.prefix,
    rows: group.rows.map((row) => ({
      ...row,
      share: share(row.count, caseCount),
      thin: isThin(row.count, caseCount, rule),
    })),
  }))
}

/** One sentence naming the thin segments, so a PM sees where to add cases without reading every bar. */
export function thinSentence(groups: CoverageGroup[], rule = thinRule, limit = 8): string {
  const thin = groups.flatMap((g) => g.rows.filter((r) => r.thin))
  const bar = `fewer than ${rule.minCases} cases or under ${Math.round(rule.minShare * 100)}% of the dataset`
  if (groups.length === 0) return 'No case has a tag yet: tag cases by segment, language or difficulty.'
  if (thin.length === 0)
    return `No thin segments: every tag has at least ${rule.minCases} cases and ${Math.round(rule.minShare * 100)}% of the dataset.`
  const named = thin
    .slice(0, limit)
    .map((r) => `${r.tag} (${r.count === 1 ? '1 case' : `${r.count} cases`})`)
    .join(', ')
  const more = thin.length > limit ? ` and ${thin.length - limit} more` : ''
  return `${thin.length === 1 ? '1 thin segment' : `${thin.length} thin segments`} (${bar}): ${named}${more}.`
}
