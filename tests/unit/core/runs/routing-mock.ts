import type { Core } from '../../../../electron/main/core'
import type { ModelParams, PromptDetail } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import { toolCall, type MockAnswer, type MockChatRequest } from '../../../fixtures/mock-llm'
import { call } from '../core-calls'
import { acmeOpenai, claudeDirect, importJsonl, lastUserText } from './acme-mock'
import { settled } from './own-provider'

/**
 * Acme's ticket router through the mock: eight tickets in a JSONL file of their own, a prompt with one tool
 * `route_ticket(queue, priority)`, and models scripted by name: `…-good` routes every ticket right;
 * `…-regressed` sends two tickets to the wrong queue and answers one with arguments that are not JSON.
 */
export const tickets = [
  { key: 'T-1', text: 'I was charged twice for order 1001', queue: 'billing' },
  { key: 'T-2', text: 'Parcel stuck in customs for three weeks', queue: 'shipping' },
  { key: 'T-3', text: 'The app crashes when I open settings', queue: 'tech' },
  { key: 'T-4', text: 'I want to send the jacket back, wrong size', queue: 'returns' },
  { key: 'T-5', text: 'My refund has not reached my card', queue: 'billing' },
  { key: 'T-6', text: 'The courier left the box at the wrong house', queue: 'shipping' },
  { key: 'T-7', text: 'I cannot log in after a password reset', queue: 'tech' },
  { key: 'T-8', text: 'The return label link is broken', queue: 'returns' },
] as const

/** What the regressed models get wrong, by ticket. */
export const wrongQueue: Readonly<Record<string, string>> = { 'T-2': 'billing', 'T-5': 'tech' }
export const brokenArguments = '{"queue": "tech", "priority": '
export const brokenTicket = 'T-7'

export const good = { provider: acmeOpenai, model: 'route-good' }
export const regressed = { provider: acmeOpenai, model: 'route-regressed' }
export const claudeRegressed = { provider: claudeDirect, model: 'claude-route-regressed' }

export const routeTool: NonNullable<ModelParams['tools']>[number] = {
  name: 'route_ticket',
  description: 'Send the ticket to a support queue.',
  parameters: {
    type: 'object',
    properties: {
      queue: { type: 'string', enum: ['billing', 'shipping', 'tech', 'returns'] },
      priority: { type: 'string', enum: ['low', 'normal', 'high'] },
    },
    required: ['queue', 'priority'],
    additionalProperties: false,
  },
}

/** The arguments a model sends for a ticket, exactly as the mock answers them. */
export function argumentsFor(model: string, key: string): string {
  const ticket = tickets.find((t) => t.key === key)
  if (!ticket) throw new Error(`no ticket ${key}`)
  const bad = model.endsWith('-regressed')
  if (bad && key === brokenTicket) return brokenArguments
  const queue = (bad ? wrongQueue[key] : undefined) ?? ticket.queue
  return JSON.stringify({ queue, priority: key === 'T-3' ? 'high' : 'normal' })
}

/** The mock's answer: one route_ticket call for the ticket the request carries. */
export function routingResponder(request: MockChatRequest): MockAnswer {
  const key = /^Ticket (T-\d+):/.exec(lastUserText(request))?.[1]
  if (!key) return 'No ticket found.'
  return { toolCalls: [toolCall('route_ticket', argumentsFor(request.model, key))] }
}

export interface Router {
  prompt: PromptDetail
  datasetId: string
}

/** The dataset, the prompt (pinned to the good model) and its suite: tool rules and a gate on the queue. */
export async function acmeRouter(core: Core): Promise<Router> {
  const lines = tickets.map((t) => ({
    key: t.key,
    vars: { id: t.key, ticket: t.text },
    expected: { queue: t.queue },
  }))
  const { datasetId } = await importJsonl(core, 'acme-tickets.jsonl', lines, 'Acme tickets')
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Acme ticket router',
    messages: [
      { role: 'system', content: 'Route every support ticket with route_ticket.' },
      { role: 'user', content: 'Ticket {{id}}: {{ticket}}' },
    ],
    model: good,
    params: { temperature: 0, tools: [routeTool], toolChoice: 'required' },
    message: 'First version',
    allowNewVariables: true,
  })
  await call(core, 'suites.save', {
    promptId: prompt.prompt.id,
    message: 'Routing rules',
    suite: {
      scorers: [
        rule('tool.called', 'Calls route_ticket', { op: 'tool_called', tool: 'route_ticket' }),
        rule('tool.args_valid', 'Arguments fit the schema', { op: 'tool_args_valid', tool: 'route_ticket' }),
        rule('tool.queue', 'Right queue', { op: 'tool_arg', path: 'queue', expectedField: 'queue' }),
      ],
      gates: [{ kind: 'min_score', metric: 'tool.queue', min: 0.95 }],
    },
  })
  return { prompt, datasetId }
}

const rule = (metric: string, label: string, body: Record<string, unknown>) => ({
  metric,
  label,
  config: { kind: 'rule', rule: body },
})

/** Runs the router's first version on the models to the end and scores the run. */
export async function runRouter(core: Core, router: Router, models: readonly object[]): Promise<Run> {
  const started = await call<Run>(core, 'runs.start', {
    name: 'routing',
    promptVersionIds: [router.prompt.version.id],
    models,
    datasetId: router.datasetId,
    useCache: false,
  })
  const run = await settled(core, started.id)
  await call(core, 'runs.score', { runId: run.id })
  return run
}
