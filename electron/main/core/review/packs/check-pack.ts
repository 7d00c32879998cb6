import { AppError } from '../../../../../shared/contract'
import type { ReviewPack } from './format'

const refuse = (message: string, field: string): never => {
  throw new AppError('INVALID_INPUT', `The review pack ${message}`, { field })
}

/** The cross-references zod cannot see: criteria in the rubric, assignments to known items and reviewers. */
export function checkPack(pack: ReviewPack): void {
  const criteria = new Set(pack.rubric.criteria.map((c) => c.key))
  pack.queue.criterionKeys.forEach((key, i) => {
    if (!criteria.has(key))
      refuse(`reviews criterion "${key}", which its rubric lacks`, `queue.criterionKeys.${i}`)
  })
  const itemIds = new Set<string>()
  pack.items.forEach((item, i) => {
    if (itemIds.has(item.id)) refuse(`lists item ${item.id} twice`, `items.${i}.id`)
    itemIds.add(item.id)
  })
  const reviewers = new Set(pack.reviewers.map((r) => r.name))
  const seen = new Set<string>()
  pack.assignments.forEach((a, i) => {
    const at = `assignments.${i}`
    if (seen.has(a.id)) refuse(`lists assignment ${a.id} twice`, `${at}.id`)
    seen.add(a.id)
    if (!itemIds.has(a.itemId)) refuse(`assigns unknown item ${a.itemId} (${at})`, `${at}.itemId`)
    if (!reviewers.has(a.reviewerName)) {
      refuse(`assigns to "${a.reviewerName}", who is not among its reviewers (${at})`, `${at}.reviewerName`)
    }
    for (const key of [`item ${a.itemId} ${a.reviewerName}`, `position ${a.position} ${a.reviewerName}`]) {
      if (seen.has(key)) refuse(`repeats ${key} (${at})`, at)
      seen.add(key)
    }
  })
}
