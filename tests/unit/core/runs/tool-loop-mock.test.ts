/**
 * Issue 19 acceptance, the tool loop through the mock on both APIs: cases whose canned tool results come from
 * a JSONL file run a 3-step loop (look up, route, answer); every step is stored; each step's request carries
 * the earlier calls and results in that API's own shape; a process cut off mid-loop resumes on a fresh core
 * without sending a stored step again.
 */
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { Run } from '../../../../shared/domain/runs'
import { bySteps, toolCall, type MockChatRequest } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { acmeCore, acmeOpenai, claudeDirect, importJsonl, resultRows, type ResultRow } from './acme-mock'
import { agentTools, markRunning, settled, storedSteps } from './agent-workspace'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const system = 'You handle Acme order tickets with the tools.'
const canned = { lookup_order: '{"status":"delivered","damaged":true}', route_ticket: '{"ok":true}' }
const orders = [
  {
    key: 'ORD-1',
    vars: { order: 'A-1' },
    messages: [{ role: 'user', content: 'Order {{order}} came crushed.' }],
  },
  {
    key: 'ORD-2',
    vars: { order: 'B-7' },
    messages: [{ role: 'user', content: 'Order {{order}} never came.' }],
  },
].map((o) => ({ ...o, tool_results: canned }))
const lookup = toolCall('lookup_order', { order: 'A-1' })
const route = toolCall('route_ticket', { queue: 'shipping', priority: 'high' })
const models = [
  { provider: acmeOpenai, model: 'gpt-4o-mini' },
  { provider: claudeDirect, model: 'claude-3-5-haiku-latest' },
]
const items = orders.length * models.length

/** Looks up, routes, then answers; while `hangAt` is set, that step never answers (the process dies there). */
function agentServer() {
  const seen: MockChatRequest[] = []
  const state = { hangAt: 2 as number | null, onRequest: () => {} }
  const script = bySteps([{ toolCalls: [lookup] }, { toolCalls: [route] }, 'Routed to shipping, high.'])
  const responder = (request: MockChatRequest) => {
    seen.push(request)
    state.onRequest()
    return request.step === state.hangAt ? new Promise<never>(() => {}) : script(request)
  }
  const until = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      state.onRequest = () => test() && resolve()
      if (test()) resolve()
    })
  return { seen, state, responder, until }
}

async function agentRun(core: Core): Promise<Run> {
  const { datasetId } = await importJsonl(core, 'orders.jsonl', orders, 'Damaged orders')
  const created = await call<{ version: { id: string } }>(core, 'prompts.create', {
    name: 'Order agent',
    messages: [
      { role: 'system', content: system },
      { role: 'conversation', content: '' },
    ],
    model: models[0],
    params: { temperature: 0, tools: agentTools, toolChoice: 'auto', maxToolSteps: 3 },
    message: 'First version',
    allowNewVariables: true,
  })
  const plan = { promptVersionIds: [created.version.id], models, datasetId, useCache: false }
  return call<Run>(core, 'runs.start', { ...plan, name: 'agent' })
}

describe('a tool loop with canned results imported from JSONL, through the mock on both APIs', () => {
  it('stores 3 steps, sends history in each API shape, and resumes mid-loop without repeating a step', async () => {
    const agent = agentServer()
    const server = await startMock({ responder: agent.responder })
    const home = tempHome()
    const slowTimeout = { retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 60_000 } }
    let core = acmeCore(home, server, slowTimeout)
    const run = await agentRun(core)
    await agent.until(() => agent.seen.filter((r) => r.step === 2).length === items)
    // Two steps of each item were stored as their calls ended.
    const stored = storedSteps(home, run.id)
    expect(stored.map((s) => s.step).sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 1])
    core.close()
    markRunning(home, run.id)
    expect(agent.seen).toHaveLength(3 * items)

    agent.state.hangAt = null
    const before = agent.seen.length
    core = acmeCore(home, server, slowTimeout)
    expect((await call<Run>(core, 'runs.get', { id: run.id })).status).toBe('interrupted')
    expect(storedSteps(home, run.id)).toEqual(stored)
    await call<Run>(core, 'runs.resume', { id: run.id })
    const final = await settled(core, run.id)
    expect(final).toMatchObject({ status: 'completed', counts: { done: items, errors: 0 } })
    // Only the step no process had stored went out again: once per item.
    expect(agent.seen.slice(before).map((r) => r.step)).toEqual(Array(items).fill(2))
    expect(storedSteps(home, run.id)).toEqual([])

    const results = await resultRows(core, run.id)
    expect(results).toHaveLength(items)
    for (const r of results) expectLoop(r)
    for (const request of agent.seen.filter((r) => r.step > 0)) {
      if (request.api === 'openai') expectOpenAiHistory(request)
      else expectAnthropicHistory(request)
    }
    core.close()
  }, 60_000)

  it('ends the loop at a call whose arguments are not JSON, on both APIs: a scored answer, not an error', async () => {
    const broken = toolCall('lookup_order', '{"order": "A-1",')
    const server = await startMock({ responder: bySteps([{ toolCalls: [broken] }, 'Never sent.']) })
    const core = acmeCore(tempHome(), server)
    const run = await agentRun(core)
    const final = await settled(core, run.id)
    expect(final).toMatchObject({ status: 'completed', counts: { done: items, errors: 0 } })
    expect(server.stats.total).toBe(items)
    for (const r of await resultRows(core, run.id)) {
      expect(r, r.provider).toMatchObject({ errorKind: null, errorMessage: null, responseText: '' })
      expect(r.finishReason).toBe(
        'tool_arguments_invalid: the arguments of tool "lookup_order" (called at step 1) are not a JSON object',
      )
      expect(r.toolCalls.map((c) => c.arguments)).toEqual([broken.arguments])
      expect(r.steps?.map((s) => s.toolResults)).toEqual([[]])
    }
    core.close()
  })
})

function expectLoop(r: ResultRow): void {
  expect(r.errorKind).toBeNull()
  expect(r.responseText).toBe('Routed to shipping, high.')
  expect(r.toolCalls.map((c) => [c.name, c.arguments])).toEqual([
    ['lookup_order', lookup.arguments],
    ['route_ticket', route.arguments],
  ])
  const steps = r.steps ?? []
  expect(steps.map((s) => s.step)).toEqual([0, 1, 2])
  expect(steps.map((s) => s.toolResults.map((t) => [t.name, t.content]))).toEqual([
    [['lookup_order', canned.lookup_order]],
    [['route_ticket', canned.route_ticket]],
    [],
  ])
  // Each step sent the whole conversation so far: system, the case's turn, then each call and its result.
  expect(steps.map((s) => s.messages.map((m) => m.role))).toEqual([
    ['system', 'user'],
    ['system', 'user', 'assistant', 'tool'],
    ['system', 'user', 'assistant', 'tool', 'assistant', 'tool'],
  ])
  const order = r.caseKey === 'ORD-1' ? 'A-1' : 'B-7'
  expect(r.request.messages[1]?.content).toMatch(new RegExp(`^Order ${order} `))
  expect(steps.every((s) => s.inputTokens !== null && s.outputTokens !== null)).toBe(true)
  expect(r.inputTokens).toBe(steps.reduce((n, s) => n + (s.inputTokens ?? 0), 0))
}

/** OpenAI: each earlier answer is an assistant message with `tool_calls`, each result a `tool` message. */
function expectOpenAiHistory(request: MockChatRequest): void {
  const sent = request.body.messages as Record<string, unknown>[]
  const history = sent.slice(2)
  const calls = [lookup, route].slice(0, request.step)
  expect(history).toHaveLength(2 * calls.length)
  calls.forEach((c, i) => {
    const answer = history[2 * i] as { role: string; tool_calls: { id: string }[] }
    expect(answer).toMatchObject({
      role: 'assistant',
      tool_calls: [{ type: 'function', function: { name: c.name, arguments: c.arguments } }],
    })
    expect(history[2 * i + 1]).toEqual({
      role: 'tool',
      tool_call_id: answer.tool_calls[0]?.id,
      content: canned[c.name as keyof typeof canned],
    })
  })
}

/** Anthropic: each earlier answer is an assistant `tool_use` block, each result a user `tool_result` block. */
function expectAnthropicHistory(request: MockChatRequest): void {
  const sent = request.body.messages as { role: string; content: unknown }[]
  const history = sent.slice(1)
  const calls = [lookup, route].slice(0, request.step)
  expect(history).toHaveLength(2 * calls.length)
  calls.forEach((c, i) => {
    const answer = history[2 * i] as { role: string; content: { type: string; id: string }[] }
    expect(answer).toMatchObject({
      role: 'assistant',
      content: [{ type: 'tool_use', name: c.name, input: JSON.parse(c.arguments) as unknown }],
    })
    const use = answer.content.find((b) => b.type === 'tool_use')
    expect(history[2 * i + 1]).toMatchObject({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: use?.id, content: canned[c.name as keyof typeof canned] },
      ],
    })
  })
}
