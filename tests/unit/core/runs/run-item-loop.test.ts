/**
 * runWorkItem's tool loop against an in-memory step store: what is stored is never called again, even when the
 * whole loop was stored before its row was written, and the item's provider slots always go back.
 */
import { describe, expect, it } from 'vitest'
import type { StepOwner, StoredStep } from '../../../../electron/main/core/db/repos/run-item-steps'
import type { Slot, SlotSource } from '../../../../electron/main/core/llm/limits'
import type { CallLimits } from '../../../../electron/main/core/llm/providers/types'
import { runWorkItem, type ItemContext } from '../../../../electron/main/core/runs/run-item'
import type { StepStore } from '../../../../electron/main/core/runs/tool-loop-run'
import type { WorkItem } from '../../../../electron/main/core/runs/work-items'
import { ScriptedAgent, toolCall, type AgentTurn } from './scripted-agent'

const item: WorkItem = {
  case: {
    id: 'case_1',
    key: 'RMA-7',
    vars: { item: 'kettle' },
    expected: {},
    expectedOutput: null,
    tags: [],
    notes: '',
    conversation: [{ role: 'user', content: 'My {{item}} leaks, refund please' }],
    toolResults: { check_warranty: 'in warranty', refund: '{"ok":true}' },
  },
  version: {
    id: 'pv_1',
    promptId: 'p_1',
    number: 1,
    author: 'pm',
    message: 'v1',
    createdAt: '2026-11-01T10:00:00.000Z',
    contentHash: 'h',
    messages: [{ role: 'system', content: 'You process returns.' }],
    model: { provider: 'vllm-box', model: 'qwen2.5/7b' },
    params: { maxToolSteps: 5 },
  },
  model: { provider: 'vllm-box', model: 'qwen2.5/7b' },
  repeat: 0,
}

const agentTurn = (step: number): AgentTurn =>
  step === 0
    ? { toolCalls: [toolCall('w', 'check_warranty', {})] }
    : step === 1
      ? { toolCalls: [toolCall('r', 'refund', { amount: 30 })] }
      : { text: 'Refunded.' }

/** Slots that count what was taken and given back. */
function countingSlots() {
  const counts = { taken: 0, released: 0 }
  const slots: SlotSource = {
    acquire: (options) => {
      if (options?.signal?.aborted) return Promise.reject(new Error('stopped'))
      counts.taken++
      const slot: Slot = { queuedMs: 0, release: () => void counts.released++ }
      return Promise.resolve(slot)
    },
  }
  return { slots, counts }
}

function memoryStore(initial: StoredStep[] = []) {
  const rows = [...initial]
  const store: StepStore = {
    load: (_owner: StepOwner) => [...rows],
    save: (_owner, stored) => void rows.push(structuredClone(stored)),
  }
  return { store, rows }
}

const limits: CallLimits = { requestMs: () => 60_000, idleMs: () => 60_000, observe: () => {} }

function context(
  agent: ScriptedAgent,
  steps: StepStore,
  slots: SlotSource,
  signal = new AbortController().signal,
): ItemContext {
  return {
    runId: 'run_1',
    provider: agent,
    priceTable: [],
    useCache: false,
    policy: { maxAttempts: 1 },
    limits,
    slots,
    stopTaking: new AbortController().signal,
    signal,
    nowIso: () => '2026-11-01T10:00:00.000Z',
    cacheLookup: () => null,
    steps,
  }
}

describe('runWorkItem with canned tool results', () => {
  it('runs the loop, storing each step before the next call, and gives every slot back', async () => {
    const agent = new ScriptedAgent('vllm-box', agentTurn)
    const { store, rows } = memoryStore()
    const { slots, counts } = countingSlots()
    const outcome = await runWorkItem(item, context(agent, store, slots))
    expect(agent.calls.map((c) => c.step)).toEqual([0, 1, 2])
    expect(rows.map((r) => r.step.step)).toEqual([0, 1, 2])
    expect(agent.calls[0]?.messages.at(-1)).toEqual({
      role: 'user',
      content: 'My kettle leaks, refund please',
    })
    expect(outcome?.result).toMatchObject({ responseText: 'Refunded.', costUsd: null, attempts: 3 })
    expect(outcome?.result.steps).toEqual(rows.map((r) => r.step))
    expect(counts).toEqual({ taken: 3, released: 3 })
  })

  it('writes the row of a loop stored whole before its row was written, without a call', async () => {
    const first = memoryStore()
    await runWorkItem(
      item,
      context(new ScriptedAgent('vllm-box', agentTurn), first.store, countingSlots().slots),
    )
    const agent = new ScriptedAgent('vllm-box', () => {
      throw new Error('a stored step was called again')
    })
    const { slots, counts } = countingSlots()
    const outcome = await runWorkItem(item, context(agent, memoryStore(first.rows).store, slots))
    expect(agent.calls).toEqual([])
    expect(outcome?.result).toMatchObject({ responseText: 'Refunded.', finishReason: 'stop', attempts: 3 })
    expect(outcome?.result.toolCalls.map((c) => c.name)).toEqual(['check_warranty', 'refund'])
    expect(counts).toEqual({ taken: 1, released: 1 })
  })

  it('cancelled mid-loop ends without a row, keeping the steps that answered', async () => {
    const abort = new AbortController()
    const agent = new ScriptedAgent('vllm-box', (step) => {
      if (step === 1) setImmediate(() => abort.abort())
      return step === 1 ? 'hang' : agentTurn(step)
    })
    const { store, rows } = memoryStore()
    const { slots, counts } = countingSlots()
    expect(await runWorkItem(item, context(agent, store, slots, abort.signal))).toBeNull()
    expect(rows.map((r) => r.step.step)).toEqual([0])
    expect(counts).toEqual({ taken: 2, released: 2 })
  })
})
