import { describe, expect, it } from 'vitest'
import {
  cannedResult,
  messagesAfter,
  sequelOf,
  stepTotals,
  type ToolLoopPlan,
} from '../../../../electron/main/core/runs/tool-loop'
import type { ToolCall, ToolStep } from '../../../../shared/domain/conversation'

const callOf = (id: string, name: string): ToolCall => ({ id, name, arguments: '{}' })
const plan = (canned: ToolLoopPlan['canned'], maxSteps = 5): ToolLoopPlan => ({ canned, maxSteps })

const step = (over: Partial<ToolStep>): ToolStep => ({
  step: 0,
  messages: [{ role: 'user', content: 'Refund order A-1' }],
  text: '',
  toolCalls: [],
  toolResults: [],
  finishReason: 'tool_calls',
  inputTokens: 100,
  outputTokens: 10,
  cachedTokens: 20,
  costUsd: 0.5,
  ttftMs: 7,
  totalMs: 30,
  ...over,
})

describe('canned results', () => {
  it('answers every call of a tool with one text, or a list in order whose last entry repeats', () => {
    const canned = { lookup_order: 'delivered', refund: ['approved', 'denied'] }
    expect([0, 1, 5].map((n) => cannedResult(canned, 'lookup_order', n))).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ])
    expect([0, 1, 2, 9].map((n) => cannedResult(canned, 'refund', n))).toEqual([
      'approved',
      'denied',
      'denied',
      'denied',
    ])
  })

  it('knows only the tools the case names, never what every object has', () => {
    expect(cannedResult({ refund: 'ok' }, 'constructor', 0)).toBeUndefined()
    expect(cannedResult({ refund: 'ok' }, '__proto__', 0)).toBeUndefined()
    expect(cannedResult({ refund: 'ok' }, 'toString', 0)).toBeUndefined()
  })
})

describe('what follows a step', () => {
  it('an answer without tool calls ends the loop with its own finish reason', () => {
    expect(sequelOf(0, [], [], plan({}))).toEqual({ kind: 'end', finishReason: null })
  })

  it('answers several calls of one answer in order, counting the calls of earlier steps', () => {
    const sequel = sequelOf(
      1,
      [callOf('b', 'refund'), callOf('c', 'refund')],
      [callOf('a', 'refund')],
      plan({ refund: ['1st', '2nd', '3rd'] }),
    )
    expect(sequel).toEqual({
      kind: 'continue',
      toolResults: [
        { toolCallId: 'b', name: 'refund', content: '2nd' },
        { toolCallId: 'c', name: 'refund', content: '3rd' },
      ],
    })
  })

  it('ends with the reason when any call of the answer has no canned result', () => {
    const sequel = sequelOf(2, [callOf('a', 'refund'), callOf('b', 'escalate')], [], plan({ refund: 'ok' }))
    expect(sequel).toEqual({
      kind: 'end',
      finishReason:
        'tool_result_missing: the case has no canned result for tool "escalate" (called at step 3)',
    })
  })

  it('ends at a call whose arguments are not a JSON object, before answering any call of that step', () => {
    for (const text of ['{"order": "A-1",', '["A-1"]', '"A-1"', '']) {
      const calls = [callOf('a', 'refund'), { id: 'b', name: 'escalate', arguments: text }]
      expect(sequelOf(1, calls, [], plan({ refund: 'ok', escalate: 'ok' }))).toEqual({
        kind: 'end',
        finishReason:
          'tool_arguments_invalid: the arguments of tool "escalate" (called at step 2) are not a JSON object',
      })
    }
  })

  it('ends at the step limit while the model still calls tools', () => {
    expect(sequelOf(2, [callOf('a', 'refund')], [], plan({ refund: 'ok' }, 3))).toEqual({
      kind: 'end',
      finishReason: "max_tool_steps: the model still called tools at step 3, the version's limit of 3 steps",
    })
    expect(sequelOf(1, [callOf('a', 'refund')], [], plan({ refund: 'ok' }, 3)).kind).toBe('continue')
  })
})

describe('a step that continues', () => {
  it('sends back what it sent, its answer with the exact calls, and a tool message per result', () => {
    const calls = [{ id: 'a', name: 'refund', arguments: '{"order": "A-1",}' }]
    const toolResults = [{ toolCallId: 'a', name: 'refund', content: 'approved' }]
    expect(messagesAfter(step({ text: 'Checking.', toolCalls: calls, toolResults }))).toEqual([
      { role: 'user', content: 'Refund order A-1' },
      { role: 'assistant', content: 'Checking.', toolCalls: calls },
      { role: 'tool', toolCallId: 'a', name: 'refund', content: 'approved' },
    ])
  })
})

describe('step totals', () => {
  it('sum tokens, cost and latency; one unknown cost makes the total unknown, never 0', () => {
    expect(stepTotals([step({}), step({ costUsd: 0.25, totalMs: 12 })])).toEqual({
      inputTokens: 200,
      outputTokens: 20,
      cachedTokens: 40,
      costUsd: 0.75,
      totalMs: 42,
    })
    expect(stepTotals([step({}), step({ costUsd: null })]).costUsd).toBeNull()
  })
})
