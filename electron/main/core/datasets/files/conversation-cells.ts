import type { z } from 'zod'
import {
  cannedToolResultsSchema,
  conversationRoles,
  conversationSchema,
  conversationTurnSchema,
  toolNameSchema,
  type CannedToolResults,
  type ConversationTurn,
} from '../../../../../shared/domain/conversation'
import { parseExactJson } from '../../imports/exact-json'
import { DEFAULT_LIMITS } from '../../imports/limits'
import { oneLine } from './json-errors'
import { describeType, isPlainObject } from './values'

/**
 * A file cell holding a case's conversation or canned tool results: a JSON value (JSONL, promptfoo) or JSON text
 * (a CSV cell, or a JSON string in a JSONL field). Checked with the shared zod schemas; a problem is reported
 * with the turn it is in, so a user can find `row 7, turn 3` in their file. An empty list or object is no
 * conversation (sending no turns and dropping the placeholder are the same request).
 */

/** What is wrong with the cell; `turn` is 1-based. */
export interface CellProblem {
  message: string
  turn?: number
}

export type CellResult<T> = { value: T | null } | { problem: CellProblem }

const TURN_SHAPE = 'a list of turns like [{"role": "user", "content": "..."}]'
const ROLES = conversationRoles.join(', ')
const strictTurn = conversationTurnSchema.strict()
const MAX_TURNS = 500

export function toConversation(value: unknown): CellResult<ConversationTurn[]> {
  const json = fromJsonText('the conversation', value)
  if ('problem' in json) return json
  const list = json.value
  if (list === null) return { value: null }
  if (!Array.isArray(list)) {
    return { problem: { message: `the conversation is ${describeType(list)}; expected ${TURN_SHAPE}` } }
  }
  if (list.length === 0) return { value: null }
  if (list.length > MAX_TURNS) {
    return { problem: { message: `the conversation has ${list.length} turns; the limit is ${MAX_TURNS}` } }
  }
  for (const [i, turn] of list.entries()) {
    const message = turnProblem(turn)
    if (message !== null) return { problem: { message, turn: i + 1 } }
  }
  return { value: conversationSchema.parse(list) }
}

/** Why one turn is not `{role, content}` with a known role and text content, or null. */
export function turnProblem(turn: unknown): string | null {
  if (!isPlainObject(turn))
    return `the turn is ${describeType(turn)}; expected an object with role and content`
  if ('tool_calls' in turn || 'toolCalls' in turn) {
    return "the turn has tool calls; a case's turns are text (the tool calls a model makes are what a run records)"
  }
  const parsed = strictTurn.safeParse(turn)
  if (parsed.success) return null
  return describeTurnIssue(turn, parsed.error.issues[0])
}

function describeTurnIssue(turn: Record<string, unknown>, issue: z.core.$ZodIssue | undefined): string {
  if (issue?.code === 'unrecognized_keys') {
    const [field = ''] = issue.keys
    return `the turn has a field ${JSON.stringify(field)}; a turn holds only role and content`
  }
  if (issue?.path[0] === 'role') {
    if (turn.role === undefined) return `the turn has no role; expected one of ${ROLES}`
    const shown = typeof turn.role === 'string' ? JSON.stringify(turn.role) : describeType(turn.role)
    const hint = turn.role === 'tool' ? " (canned tool results go in the case's tool results)" : ''
    return `role ${shown} is not one of ${ROLES}${hint}`
  }
  if (turn.content === undefined || turn.content === null) return 'the turn has no content'
  return `content is ${describeType(turn.content)}; expected text`
}

export function toToolResults(value: unknown): CellResult<CannedToolResults> {
  const json = fromJsonText('the tool results', value)
  if ('problem' in json) return json
  const results = json.value
  if (results === null) return { value: null }
  if (!isPlainObject(results)) {
    const message = `the tool results are ${describeType(results)}; expected an object of tool name → result text`
    return { problem: { message } }
  }
  if (Object.keys(results).length === 0) return { value: null }
  for (const [name, answer] of Object.entries(results)) {
    const message = toolResultProblem(name, answer)
    if (message !== null) return { problem: { message } }
  }
  return { value: cannedToolResultsSchema.parse(results) }
}

function toolResultProblem(name: string, answer: unknown): string | null {
  if (!toolNameSchema.safeParse(name).success) {
    return `${JSON.stringify(name)} is not a tool name (1–64 letters, digits, _ or -)`
  }
  const tool = `tool ${JSON.stringify(name)}`
  if (typeof answer === 'string') return null
  if (!Array.isArray(answer)) {
    return `the result of ${tool} is ${describeType(answer)}; expected text or a list of texts (write JSON as a string)`
  }
  if (answer.length === 0) return `the results of ${tool} are an empty list; give at least one`
  const at = answer.findIndex((item) => typeof item !== 'string')
  if (at === -1) return null
  return `result ${at + 1} of ${tool} is ${describeType(answer[at])}; expected text (write JSON as a string)`
}

/** A text cell is parsed as JSON; a JSON value is taken as is; a blank cell is no value. */
function fromJsonText(what: string, value: unknown): CellResult<unknown> {
  if (value === undefined || value === null) return { value: null }
  if (typeof value !== 'string') return { value }
  if (value.trim() === '') return { value: null }
  const parsed = parseExactJson(value, DEFAULT_LIMITS.maxDepth)
  if (parsed.ok) return { value: parsed.value }
  const { error } = parsed
  const message =
    error.kind === 'syntax'
      ? `${what} is not valid JSON: ${oneLine(error.message)}`
      : `${what}: ${error.message}`
  return { problem: { message } }
}
