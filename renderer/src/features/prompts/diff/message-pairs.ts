import type { PromptMessage } from '../../../../../shared/domain/prompts'

export type PairStatus = 'same' | 'changed' | 'added' | 'removed'

export interface MessagePair {
  index: number
  before: PromptMessage | null
  after: PromptMessage | null
  status: PairStatus
}

/**
 * Messages matched by position. A message only on the right was added (diffed against empty), one only
 * on the left was removed; a changed role counts as a change even when the text is the same.
 */
export function messagePairs(before: PromptMessage[], after: PromptMessage[]): MessagePair[] {
  const count = Math.max(before.length, after.length)
  return Array.from({ length: count }, (_, index) => {
    const a = before[index] ?? null
    const b = after[index] ?? null
    const status: PairStatus = !a
      ? 'added'
      : !b
        ? 'removed'
        : a.role === b.role && a.content === b.content
          ? 'same'
          : 'changed'
    return { index, before: a, after: b, status }
  })
}
