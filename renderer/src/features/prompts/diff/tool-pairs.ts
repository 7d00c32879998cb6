import type { ToolDefinition } from '../../../../../shared/domain/conversation'
import { canonicalJsonPretty } from '../../../../../shared/lib/canonical-json'
import type { PairStatus } from './message-pairs'

export interface ToolPair {
  name: string
  /** The definition as canonical JSON (sorted keys), '' where the side lacks the tool. */
  before: string
  after: string
  status: PairStatus
}

/**
 * Tools matched by name (their order does not change what the model is offered the way a message's does):
 * the left side's order first, then tools only on the right. Compared as canonical JSON, so reordered keys
 * are not a change.
 */
export function toolPairs(
  before: readonly ToolDefinition[] | undefined,
  after: readonly ToolDefinition[] | undefined,
): ToolPair[] {
  const left = new Map((before ?? []).map((t) => [t.name, canonicalJsonPretty(t)]))
  const right = new Map((after ?? []).map((t) => [t.name, canonicalJsonPretty(t)]))
  const names = [...new Set([...left.keys(), ...right.keys()])]
  return names.map((name) => {
    const a = left.get(name)
    const b = right.get(name)
    const status: PairStatus =
      a === undefined ? 'added' : b === undefined ? 'removed' : a === b ? 'same' : 'changed'
    return { name, before: a ?? '', after: b ?? '', status }
  })
}
