import type { ConversationTurn } from '../../../../../shared/domain/conversation'
import { toConversation, turnProblem, type CellResult } from './conversation-cells'
import { describeType, isPlainObject } from './values'

/**
 * promptfoo's built-in `_conversation` var: the earlier exchanges of a multi-turn test, each
 * `{ prompt?, input, output }` (https://github.com/promptfoo/promptfoo, examples/multiple-turn-conversation).
 * A test file that sets it gives the case that history: each exchange becomes a user turn (its input) and an
 * assistant turn (its output). Items already written as `{role, content}` turns are taken as they are.
 */
export const PROMPTFOO_CONVERSATION_VAR = '_conversation'

export function promptfooConversation(value: unknown): CellResult<ConversationTurn[]> {
  if (!Array.isArray(value)) {
    const message = `_conversation is ${describeType(value)}; expected a list of {input, output} exchanges`
    return { problem: { message } }
  }
  const turns: unknown[] = []
  for (const [i, item] of value.entries()) {
    if (isPlainObject(item) && 'role' in item) {
      const message = turnProblem(item)
      if (message !== null) return { problem: { message, turn: turns.length + 1 } }
      turns.push(item)
      continue
    }
    const exchange = exchangeTurns(item)
    if (typeof exchange === 'string') return { problem: { message: `exchange ${i + 1}: ${exchange}` } }
    turns.push(...exchange)
  }
  return toConversation(turns)
}

/** One `{input, output}` exchange → its user and assistant turns, or what is wrong with it. */
function exchangeTurns(item: unknown): ConversationTurn[] | string {
  if (!isPlainObject(item)) return `it is ${describeType(item)}; expected {input, output} or {role, content}`
  const { input, output } = item
  if (typeof input !== 'string') return `the input is ${describeType(input)}; expected text`
  if (typeof output !== 'string') return `the output is ${describeType(output)}; expected text`
  return [
    { role: 'user', content: input },
    { role: 'assistant', content: output },
  ]
}
