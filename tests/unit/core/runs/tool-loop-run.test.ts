/**
 * Issue 19, the runner's tool loop: a case with canned tool results runs a multi-step loop, each step is
 * stored as its call ends, and a run cut off mid-loop resumes without repeating a stored step.
 */
import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import {
  agentCore,
  agentWorkspace,
  markRunning,
  planOf,
  resultsOf,
  settled,
  storedSteps,
  ticketMessages,
  type ResultRow,
} from './agent-workspace'
import { ProviderError } from '../../../../electron/main/core/llm/providers/types'
import { ScriptedAgent, toolCall, type AgentTurn } from './scripted-agent'

const tempHome = useTempHomes()
const canned = {
  lookup_order: '{"status":"delivered","damaged":true}',
  route_ticket: ['{"ok":true,"ticket":"T-1"}'],
}
// Variables fill every turn.
const conversation = [
  { role: 'user' as const, content: 'Hi, about my order' },
  { role: 'assistant' as const, content: 'Sure, what happened?' },
  { role: 'user' as const, content: '{{message}}, please sort it out' },
]

/** Every case, as imported from the user's JSONL file: its turns and canned tool results. */
const orderChat = { conversation, toolResults: canned }

/** The agent: look the order up, route the ticket, then say so. */
function agentTurn(step: number): AgentTurn {
  if (step === 0) return { toolCalls: [toolCall('c1', 'lookup_order', { order: 'A-1' })] }
  if (step === 1)
    return { toolCalls: [toolCall('c2', 'route_ticket', { queue: 'billing', priority: 'high' })] }
  return { text: 'Routed to billing, high priority.' }
}

const byCase = (results: readonly ResultRow[]) =>
  [...results].sort((a, b) => a.caseId.localeCompare(b.caseId))

describe('a case with canned tool results', () => {
  it('runs a 3-step loop, stores each step, and resumes after a crash mid-loop without repeating a stored step', async () => {
    const home = tempHome()
    // The first process: its agent never answers the third step, and the process dies there.
    const first = new ScriptedAgent('acme-agents', (step) => (step === 2 ? 'hang' : agentTurn(step)))
    let core = agentCore(home, first)
    const ws = await agentWorkspace(core, orderChat)
    const run = await call<Run>(core, 'runs.start', { ...planOf(ws, { useCache: false }), name: 'agent' })
    await first.until((calls) => calls.filter((c) => c.step === 2).length === 3)
    // Two steps of each case were stored as their calls ended, before anything stopped the run.
    const before = storedSteps(home, run.id)
    expect(before.map((s) => s.step)).toEqual([0, 1, 0, 1, 0, 1])
    expect(await resultsOf(core, run.id)).toEqual([])
    core.close()
    markRunning(home, run.id)
    expect(first.calls.map((c) => c.step).sort()).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2])

    const second = new ScriptedAgent('acme-agents', agentTurn)
    core = agentCore(home, second)
    expect((await call<Run>(core, 'runs.get', { id: run.id })).status).toBe('interrupted')
    expect(storedSteps(home, run.id)).toEqual(before)
    await call<Run>(core, 'runs.resume', { id: run.id })
    const final = await settled(core, run.id)
    expect(final.status).toBe('completed')
    // Only the step no process had stored was called again: once per case, with both results sent back.
    expect(second.calls.map((c) => c.step)).toEqual([2, 2, 2])
    for (const c of second.calls) {
      const sentBack = c.messages.filter((m) => m.role === 'tool')
      expect(sentBack.map((m) => m.content)).toEqual([canned.lookup_order, canned.route_ticket[0]])
    }
    const results = byCase(await resultsOf(core, run.id))
    expect(results).toHaveLength(3)
    for (const r of results) expectCompleteLoop(r, final)
    // The result rows took the steps over, in the same transaction that wrote them.
    expect(storedSteps(home, run.id)).toEqual([])
    expect(final.counts).toMatchObject({ done: 3, errors: 0, cached: 0 })
    expect(final.counts.spentUsd).toBeCloseTo(
      results.reduce((n, r) => n + (r.costUsd ?? 0), 0),
      12,
    )
    core.close()
  })
})

describe('a tool loop whose call fails', () => {
  it('records the error with the steps that answered, and removes their stored rows', async () => {
    const home = tempHome()
    const agent = new ScriptedAgent('acme-agents', (step) => {
      if (step === 1) throw new ProviderError('client', 'tool schema rejected', { status: 400 })
      return agentTurn(step)
    })
    const core = agentCore(home, agent, { retryPolicy: { maxAttempts: 1 } })
    const ws = await agentWorkspace(core, orderChat)
    const run = await call<Run>(core, 'runs.start', { ...planOf(ws, { useCache: false }), name: 'agent' })
    const final = await settled(core, run.id)
    expect(final).toMatchObject({ status: 'completed', counts: { done: 3, errors: 3 } })
    for (const r of await resultsOf(core, run.id)) {
      expect(r).toMatchObject({
        errorKind: 'client',
        errorMessage: 'tool schema rejected',
        responseText: null,
      })
      expect(r).toMatchObject({ inputTokens: 100, outputTokens: 10, attempts: 2 })
      expect(r.steps?.map((s) => s.step)).toEqual([0])
      expect(r.toolCalls.map((c) => c.name)).toEqual(['lookup_order'])
    }
    expect(storedSteps(home, run.id)).toEqual([])
    core.close()
  })

  it('stops the run on a refused key mid-loop; the resume calls only the steps not stored', async () => {
    const home = tempHome()
    const refused = new ScriptedAgent('acme-agents', (step) => {
      if (step === 1) throw new ProviderError('auth', 'invalid key', { status: 401 })
      return agentTurn(step)
    })
    let core = agentCore(home, refused)
    const ws = await agentWorkspace(core, orderChat)
    const run = await call<Run>(core, 'runs.start', { ...planOf(ws, { useCache: false }), name: 'agent' })
    const failed = await settled(core, run.id)
    expect(failed.status).toBe('failed')
    expect(failed.failure?.kind).toBe('key-refused')
    const kept = storedSteps(home, run.id)
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.every((s) => s.step === 0)).toBe(true)
    core.close()

    const fixed = new ScriptedAgent('acme-agents', agentTurn)
    core = agentCore(home, fixed)
    await call<Run>(core, 'runs.resume', { id: run.id })
    expect((await settled(core, run.id)).status).toBe('completed')
    const storedBefore = new Set(kept.map((s) => `${s.caseId}:${s.step}`))
    const again = fixed.calls.filter((c) => storedBefore.has(`${c.caseKey.split('/')[1]}:${c.step}`))
    expect(again).toEqual([])
    expect(fixed.calls).toHaveLength(9 - kept.length)
    for (const r of await resultsOf(core, run.id)) expectCompleteLoop(r, failed)
    core.close()
  })
})

/** A finished 3-step loop: every step, both calls in order, tokens, cost, latency and attempts summed. */
function expectCompleteLoop(r: ResultRow, run: Run): void {
  expect(r.errorKind).toBeNull()
  expect(r.responseText).toBe('Routed to billing, high priority.')
  expect(r.finishReason).toBe('stop')
  expect(r.toolCalls.map((c) => [c.name, c.arguments])).toEqual([
    ['lookup_order', '{"order":"A-1"}'],
    ['route_ticket', '{"queue":"billing","priority":"high"}'],
  ])
  const steps = r.steps ?? []
  expect(steps.map((s) => s.step)).toEqual([0, 1, 2])
  expect(steps.map((s) => s.toolResults.map((t) => t.name))).toEqual([['lookup_order'], ['route_ticket'], []])
  expect(steps.map((s) => s.messages.length)).toEqual([4, 6, 8])
  // The stored request is the first step's: the conversation turns in place, after the system message.
  expect(r.request.messages).toEqual(steps[0]?.messages)
  expect(r.request.messages.map((m) => [m.role, m.content])).toEqual([
    ['system', 'You handle order tickets with the tools.'],
    ['user', 'Hi, about my order'],
    ['assistant', 'Sure, what happened?'],
    ['user', `${ticketMessages[r.caseKey ?? ''] ?? '?'}, please sort it out`],
  ])
  expect(r).toMatchObject({ inputTokens: 600, outputTokens: 30, cachedTokens: 0, totalMs: 120, ttftMs: 5 })
  // Each step's attempts were kept with it, across the two processes.
  expect(r.attempts).toBe(3)
  const price = run.priceTable[0]
  expect(price?.inputPerMTok).toBeGreaterThan(0)
  const perStep = steps.map((s) => s.costUsd ?? Number.NaN)
  expect(perStep.every((c) => c > 0)).toBe(true)
  expect(r.costUsd).toBeCloseTo(
    perStep.reduce((a, b) => a + b, 0),
    12,
  )
}
