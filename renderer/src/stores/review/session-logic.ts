import type { ReviewItem } from '../../../../shared/domain/review'

export type Preference = 'a' | 'b' | 'equal'

/**
 * The criterion to focus: the first unscored one after `after` (wrapping round), so scoring flows top to
 * bottom without Tab; `after` itself when everything is scored, the first criterion when nothing was focused.
 */
export function nextActiveKey(
  keys: readonly string[],
  item: ReviewItem,
  after: string | null,
): string | null {
  if (keys.length === 0) return null
  const scored = new Set(item.scores.map((s) => s.criterionKey))
  const start = after === null ? -1 : keys.indexOf(after)
  for (let i = 1; i <= keys.length; i += 1) {
    const key = keys[(start + i + keys.length) % keys.length]
    if (key !== undefined && !scored.has(key)) return key
  }
  return after ?? keys[0] ?? null
}

/** The raw score a reviewer gave a criterion on the shown item, or null. */
export function rawOf(item: ReviewItem | null, criterionKey: string): number | null {
  return item?.scores.find((s) => s.criterionKey === criterionKey)?.raw ?? null
}

const reviewAsKey = (queueId: string) => `eval-lab.review-as.${queueId}`

/** The reviewer last picked on this queue (this browser profile only), so a reopened queue needs no pick. */
export function rememberedReviewer(queueId: string): string | null {
  try {
    return window.localStorage.getItem(reviewAsKey(queueId))
  } catch {
    return null
  }
}

export function rememberReviewer(queueId: string, reviewerId: string): void {
  try {
    window.localStorage.setItem(reviewAsKey(queueId), reviewerId)
  } catch {
    // Storage can be off (private mode); the pick then lasts for this session only.
  }
}
