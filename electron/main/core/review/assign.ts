import { createHash } from 'node:crypto'
import { createRandom, randomIndex, type Random } from '../scoring/stats/random'

export interface PlannedAssignment {
  itemIndex: number
  reviewerId: string
  /** 1-based, in this reviewer's own random order. */
  position: number
  /** Pairwise: the reviewer sees the pair's b on the left, so no side is favoured by position. */
  swapped: boolean
}

/**
 * Round robin: item i goes to the next `perItem` reviewers after the previous item's, so loads differ by
 * at most one and no item gets the same reviewer twice.
 */
export function roundRobin(items: number, reviewerIds: readonly string[], perItem: number): string[][] {
  const out: string[][] = []
  for (let i = 0; i < items; i++) {
    const chosen: string[] = []
    for (let j = 0; j < perItem; j++)
      chosen.push(reviewerIds[(i * perItem + j) % reviewerIds.length] as string)
    out.push(chosen)
  }
  return out
}

/** A 32-bit seed from the queue seed and the reviewer: each reviewer's order differs, and repeats per seed. */
function reviewerSeed(seed: number, reviewerId: string): number {
  return createHash('sha256').update(`${seed}:${reviewerId}`).digest().readUInt32LE(0)
}

function shuffle<T>(list: T[], random: Random): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1)
    const t = list[i] as T
    list[i] = list[j] as T
    list[j] = t
  }
  return list
}

/** Every reviewer's items in a seeded random order, so neither order effects nor fatigue line up across reviewers. */
export function planAssignments(
  items: number,
  reviewerIds: readonly string[],
  perItem: number,
  seed: number,
): PlannedAssignment[] {
  const byReviewer = new Map<string, number[]>(reviewerIds.map((id) => [id, []]))
  roundRobin(items, reviewerIds, perItem).forEach((ids, itemIndex) => {
    for (const id of ids) byReviewer.get(id)?.push(itemIndex)
  })
  const planned: PlannedAssignment[] = []
  for (const [reviewerId, itemIndexes] of byReviewer) {
    const random = createRandom(reviewerSeed(seed, reviewerId))
    shuffle(itemIndexes, random).forEach((itemIndex, i) =>
      planned.push({ itemIndex, reviewerId, position: i + 1, swapped: random() < 0.5 }),
    )
  }
  return planned
}
