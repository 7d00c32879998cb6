/**
 * Issue 19, how a tool loop ends and what its row says: a pause between steps, a tool without a canned
 * result, the version's step limit, an answer made only of tool calls, the response cache, the estimate.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { Run, RunEstimate } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import {
  agentCore,
  agentWorkspace,
  editEveryCase,
  planOf,
  resultsOf,
  settled,
  storedSteps,
  type AgentCaseFields,
} from './agent-workspace'
import { ScriptedAgent, toolCall, type AgentTurn } from './scripted-agent'

const tempHome = useTempHomes()
const lookup = toolCall('c1', 'lookup_order', { order: 'A-1' })
const route = toolCall('c2', 'route_ticket', { queue: 'billing', priority: 'high' })

// The ticket itself is the case's one turn, so every case sends a request of its own.
const ticketTurn = [{ role: 'user' as const, content: 'Ticket: {{message}}' }]

/** What every case of the next workspace holds (imported from its JSONL file); returns it. */
let fields: AgentCaseFields = {}
function everyCase(toolResults: DatasetCase['toolResults'], conversation = ticketTurn): AgentCaseFields {
  fields = toolResults === undefined ? { conversation } : { conversation, toolResults }
  return fields
}

beforeEach(() => {
  everyCase({ lookup_order: '{"status":"delivered"}', route_ticket: '{"ok":true}' })
})

/** Looks the order up, routes the ticket, then answers. */
const agentTurn = (step: number): AgentTurn =>
  step === 0 ? { toolCalls: [lookup] } : step === 1 ? { toolCalls: [route] } : { text: 'Routed.' }

async function runToEnd(agent: ScriptedAgent, params = {}, plan = {}) {
  const core = agentCore(tempHome(), agent)
  const ws = await agentWorkspace(core, fields, params)
  const run = await call<Run>(core, 'runs.start', { ...planOf(ws, { useCache: false, ...plan }), name: 'r' })
  const final = await settled(core, run.id)
  return { core, ws, final, results: await resultsOf(core, final.id) }
}

describe('a tool loop', () => {
  it('paused between steps keeps the steps stored and sends no further step; resume calls only the rest', async () => {
    const home = tempHome()
    const agent = new ScriptedAgent('acme-agents', agentTurn)
    const core = agentCore(home, agent)
    const ws = await agentWorkspace(core, fields)
    const held = agent.hold(1)
    const run = await call<Run>(core, 'runs.start', { ...planOf(ws, { useCache: false }), name: 'r' })
    await agent.until((calls) => calls.filter((c) => c.step === 1).length === 3)
    // A pause lets the calls in flight answer, and sends nothing new: not the loop's next step either.
    const pausing = call<Run>(core, 'runs.pause', { id: run.id })
    held.release()
    expect((await pausing).status).toBe('paused')
    expect(storedSteps(home, run.id).map((s) => s.step)).toEqual([0, 1, 0, 1, 0, 1])
    expect(agent.calls.filter((c) => c.step === 2)).toEqual([])
    await call<Run>(core, 'runs.resume', { id: run.id })
    expect((await settled(core, run.id)).status).toBe('completed')
    expect(agent.calls.map((c) => c.step).sort()).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2])
    expect((await resultsOf(core, run.id)).map((r) => r.steps?.length)).toEqual([3, 3, 3])
    core.close()
  })

  it('ends with a recorded reason when a tool has no canned result: the calls are the answer, not an error', async () => {
    everyCase({ lookup_order: '{"status":"delivered"}' })
    const agent = new ScriptedAgent('acme-agents', agentTurn)
    const { core, final, results } = await runToEnd(agent)
    expect(agent.calls.map((c) => c.step).sort()).toEqual([0, 0, 0, 1, 1, 1])
    expect(final.counts).toMatchObject({ done: 3, errors: 0 })
    for (const r of results) {
      expect(r.errorKind).toBeNull()
      expect(r.responseText).toBe('')
      expect(r.finishReason).toBe(
        'tool_result_missing: the case has no canned result for tool "route_ticket" (called at step 2)',
      )
      expect(r.toolCalls.map((c) => c.name)).toEqual(['lookup_order', 'route_ticket'])
      expect(r.steps?.map((s) => s.toolResults.length)).toEqual([1, 0])
    }
    core.close()
  })

  it("ends with a recorded reason at the version's step limit", async () => {
    const agent = new ScriptedAgent('acme-agents', agentTurn)
    const { core, results } = await runToEnd(agent, { maxToolSteps: 2 })
    expect(agent.calls).toHaveLength(6)
    for (const r of results) {
      expect(r.errorKind).toBeNull()
      expect(r.finishReason).toBe(
        "max_tool_steps: the model still called tools at step 2, the version's limit of 2 steps",
      )
      expect(r.steps).toHaveLength(2)
      expect(r.toolCalls).toHaveLength(2)
    }
    core.close()
  })

  it('answers a list of canned results in order, the last one repeating, across steps and calls', async () => {
    everyCase({ lookup_order: ['first', 'second'] })
    const agent = new ScriptedAgent('acme-agents', (step) =>
      step === 0
        ? { toolCalls: [lookup, { ...lookup, id: 'c1b' }] }
        : step === 1
          ? { toolCalls: [{ ...lookup, id: 'c3' }] }
          : { text: 'Done.' },
    )
    const { core, results } = await runToEnd(agent)
    for (const r of results) {
      expect(r.steps?.map((s) => s.toolResults.map((t) => [t.toolCallId, t.content]))).toEqual([
        [
          ['c1', 'first'],
          ['c1b', 'second'],
        ],
        [['c3', 'second']],
        [],
      ])
    }
    const last = agent.calls.find((c) => c.step === 2)
    expect(last?.messages.slice(-5).map((m) => m.role)).toEqual([
      'assistant',
      'tool',
      'tool',
      'assistant',
      'tool',
    ])
    core.close()
  })

  it('is one call when the case has no canned results: its tool calls are a stored answer', async () => {
    everyCase(undefined)
    const agent = new ScriptedAgent('acme-agents', agentTurn)
    const { core, final, results } = await runToEnd(agent)
    expect(agent.calls.map((c) => c.step)).toEqual([0, 0, 0])
    expect(final.counts).toMatchObject({ done: 3, errors: 0 })
    for (const r of results) {
      expect(r).toMatchObject({ responseText: '', errorKind: null, steps: null, attempts: 1 })
      expect(r.toolCalls).toEqual([lookup])
    }
    core.close()
  })
})

describe('the response cache', () => {
  it('answers every step of a second identical run, tool calls included, without a call', async () => {
    const agent = new ScriptedAgent('acme-agents', agentTurn)
    const { core, ws, results } = await runToEnd(agent, {}, { useCache: true })
    expect(agent.calls).toHaveLength(9)
    const second = await call<Run>(core, 'runs.start', { ...planOf(ws), name: 'again' })
    const final = await settled(core, second.id)
    expect(agent.calls).toHaveLength(9)
    expect(final.counts).toMatchObject({ done: 3, cached: 3, errors: 0, spentUsd: 0 })
    const again = await resultsOf(core, second.id)
    for (const r of again) {
      const first = results.find((x) => x.caseId === r.caseId)
      expect(r).toMatchObject({ cached: true, attempts: 0, costUsd: 0, responseText: 'Routed.' })
      expect(r.toolCalls).toEqual(first?.toolCalls)
      expect(r.steps?.map((s) => s.toolResults)).toEqual(first?.steps?.map((s) => s.toolResults))
    }
    core.close()
  })

  it('returns the tool calls of a cached single call', async () => {
    everyCase(undefined)
    const agent = new ScriptedAgent('acme-agents', agentTurn)
    const { core, ws } = await runToEnd(agent, {}, { useCache: true })
    const second = await call<Run>(core, 'runs.start', { ...planOf(ws), name: 'again' })
    await settled(core, second.id)
    expect(agent.calls).toHaveLength(3)
    for (const r of await resultsOf(core, second.id))
      expect(r).toMatchObject({ cached: true, toolCalls: [lookup] })
    core.close()
  })
})

describe('the estimate', () => {
  it("learns a loop's output length and latency per call, not per row", async () => {
    const agent = new ScriptedAgent('acme-agents', agentTurn)
    const { core, ws } = await runToEnd(agent)
    // Enough answered rows for the estimate to trust them (see estimate-basis.ts).
    for (let again = 0; again < 3; again++) {
      const run = await call<Run>(core, 'runs.start', { ...planOf(ws, { useCache: false }), name: 'again' })
      await settled(core, run.id)
    }
    const next = await call<RunEstimate>(core, 'runs.plan', planOf(ws))
    // Each step answered 10 tokens in 40 ms; a row sums three of them.
    expect(next.outputTokensBasis).toEqual([expect.objectContaining({ kind: 'observed', meanTokens: 10 })])
    expect(next.timeBasis).toEqual([expect.objectContaining({ kind: 'observed', p50Ms: 40, meanMs: 40 })])
    expect(next.estimatedOutputTokens).toBe(90)
    core.close()
  })

  it("counts a loop's expected steps as calls, and the conversation turns and tools as input", async () => {
    const agent = new ScriptedAgent('acme-agents', agentTurn)
    const core = agentCore(tempHome(), agent)
    const ws = await agentWorkspace(core, fields)
    const loop = await call<RunEstimate>(core, 'runs.plan', planOf(ws))
    // Two canned results: look up, route, answer.
    expect(loop.calls).toBe(9)
    await editEveryCase(core, ws, everyCase(undefined))
    const single = await call<RunEstimate>(core, 'runs.plan', planOf(ws))
    expect(single.calls).toBe(3)
    expect(loop.estimatedInputTokens).toBeGreaterThan(3 * single.estimatedInputTokens)
    const turn = 'I wrote to you last week about this order and nobody answered. '.repeat(10)
    await editEveryCase(core, ws, everyCase(undefined, [...ticketTurn, { role: 'user', content: turn }]))
    const withTurns = await call<RunEstimate>(core, 'runs.plan', planOf(ws))
    expect(withTurns.estimatedInputTokens - single.estimatedInputTokens).toBeGreaterThanOrEqual(
      (3 * turn.length) / 4,
    )
    expect(agent.calls).toEqual([])
    core.close()
  })
})
