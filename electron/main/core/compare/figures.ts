import type { CompareSeries } from '../../../../shared/domain/compare'
import type { TagCounts } from '../db/repos/run-aggregates'

/**
 * Cost per tag of one slice's cases: n results, mean cost over those with a known price (null when none),
 * total. Tags are sorted, so the rows of one dimension ("tier:…") sit together.
 */
export function costByTag(tags: readonly TagCounts[]): CompareSeries['costByTag'] {
  return [...tags]
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
    .map((t) => ({
      tag: t.tag,
      n: t.results,
      costPerInteractionUsd: t.priced === 0 ? null : t.costUsd / t.priced,
      totalCostUsd: t.costUsd,
    }))
}
