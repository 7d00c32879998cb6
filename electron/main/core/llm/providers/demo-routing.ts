import routingDataset from '../../../../../resources/demo/routing-dataset.json'
import type { ChatMessage, ToolCall } from '../../../../../shared/domain/conversation'
import { demoDatasetSchema } from '../../../../../shared/domain/demo-files'
import { unitHash } from './demo-answers'
import type { ChatRequest } from './types'

/**
 * The simulated routing agent (issue 19): given the `route_ticket` tool it answers the demo's routing chats
 * with a real tool call. Each model version errs on its own fixed share of cases, so a tool regression is
 * there to be caught by the suite's gate.
 */
export const ROUTE_TOOL = 'route_ticket'

interface RoutingCase {
  key: string
  ticketId: string
  queue: string | null
  priority: string | null
}

/** How one simulated model routes: wrong queue, arguments that are not JSON, a call on a solved chat. */
interface RoutingProfile {
  wrongQueue: number
  brokenArguments: number
  callsWhenSolved: number
}

const routingProfiles: Record<string, RoutingProfile> = {
  'triage-sim-2026-03': { wrongQueue: 1, brokenArguments: 0, callsWhenSolved: 0 },
  'triage-sim-2026-09': { wrongQueue: 4, brokenArguments: 1, callsWhenSolved: 1 },
}

type Outcome = 'correct' | 'wrong_queue' | 'broken_arguments' | 'called_when_solved'

let cases: RoutingCase[] | null = null

function routingCases(): RoutingCase[] {
  cases ??= demoDatasetSchema.parse(routingDataset).cases.map((c) => ({
    key: c.key,
    ticketId: c.vars['ticket_id'] ?? '',
    queue: typeof c.expected['queue'] === 'string' ? c.expected['queue'] : null,
    priority: typeof c.expected['priority'] === 'string' ? c.expected['priority'] : null,
  }))
  return cases
}

const outcomes = new Map<string, Map<string, Outcome>>()

/** Exact counts per model, picked by a per-model hash ranking: the same cases err on every run. */
function outcomeOf(modelId: string, c: RoutingCase): Outcome {
  let table = outcomes.get(modelId)
  if (!table) {
    const profile = routingProfiles[modelId] ?? { wrongQueue: 0, brokenArguments: 0, callsWhenSolved: 0 }
    const rank = (list: RoutingCase[]) =>
      [...list].sort((a, b) => unitHash('route', modelId, a.key) - unitHash('route', modelId, b.key))
    const routed = rank(routingCases().filter((x) => x.queue !== null))
    const solved = rank(routingCases().filter((x) => x.queue === null))
    table = new Map<string, Outcome>()
    routed.forEach((x, i) =>
      table?.set(
        x.key,
        i < profile.wrongQueue
          ? 'wrong_queue'
          : i < profile.wrongQueue + profile.brokenArguments
            ? 'broken_arguments'
            : 'correct',
      ),
    )
    solved.forEach((x, i) =>
      table?.set(x.key, i < profile.callsWhenSolved ? 'called_when_solved' : 'correct'),
    )
    outcomes.set(modelId, table)
  }
  return table.get(c.key) ?? 'correct'
}

const QUEUES = ['billing', 'technical', 'accounts', 'security']

function callFor(c: RoutingCase, modelId: string, outcome: Outcome): ToolCall {
  const id = `call_${unitHash('call', modelId, c.key).toString(36).slice(2, 10)}`
  const queue = c.queue ?? 'technical'
  const priority = c.priority ?? 'p3'
  if (outcome === 'broken_arguments')
    // What a model sometimes streams: an unquoted value, so the arguments are not JSON at all.
    return { id, name: ROUTE_TOOL, arguments: `{"queue": "${queue}", "priority": ${priority}}` }
  const wrong = QUEUES.filter((q) => q !== queue)[Math.floor(unitHash('q', modelId, c.key) * 3)] ?? 'billing'
  const args = { queue: outcome === 'wrong_queue' ? wrong : queue, priority }
  return { id, name: ROUTE_TOOL, arguments: JSON.stringify(args) }
}

/** The request is the routing agent's when it offers route_ticket. */
export const isRoutingRequest = (request: ChatRequest): boolean =>
  request.params.tools?.some((t) => t.name === ROUTE_TOOL) ?? false

const textOf = (messages: readonly ChatMessage[]): string => messages.map((m) => m.content).join('\n')

/**
 * After the tool answered, the agent confirms what it itself sent (the canned result is the same whichever
 * queue was picked, so repeating it would make a misrouted ticket read as routed right).
 */
function confirmation(messages: readonly ChatMessage[]): string {
  const call = messages.findLast((m) => m.role === 'assistant' && (m.toolCalls?.length ?? 0) > 0)
  const sent = call?.role === 'assistant' ? call.toolCalls?.at(-1)?.arguments : undefined
  try {
    const args = JSON.parse(sent ?? '') as { queue?: unknown; priority?: unknown }
    return `Routed to the ${String(args.queue)} queue at ${String(args.priority)}.`
  } catch {
    return 'Routed the ticket.'
  }
}

/** The routing answer: a tool call, a closing sentence for a solved chat, or the confirmation after a result. */
export function routingAnswer(request: ChatRequest): { text: string; toolCalls: ToolCall[] } {
  const modelId = request.model.model
  const last = request.messages.at(-1)
  if (last?.role === 'tool') return { text: confirmation(request.messages), toolCalls: [] }
  const text = textOf(request.messages)
  const c = routingCases().find((x) => x.ticketId !== '' && text.includes(`Ticket ${x.ticketId} `))
  if (!c) return { text: 'This simulated agent only knows the demo routing tickets.', toolCalls: [] }
  const outcome = outcomeOf(modelId, c)
  if (c.queue === null && outcome !== 'called_when_solved')
    return { text: 'Glad that is sorted. I am closing this chat; write again any time.', toolCalls: [] }
  return { text: '', toolCalls: [callFor(c, modelId, outcome)] }
}
