import { describe, expect, it } from 'vitest'
import demoPrompts from '../../../../../resources/demo/prompts.json'
import routingDataset from '../../../../../resources/demo/routing-dataset.json'
import { createDemoProvider } from '../../../../../electron/main/core/llm/providers/demo'
import type { ChatRequest } from '../../../../../electron/main/core/llm/providers/types'
import { renderMessages } from '../../../../../electron/main/core/prompts/templates'
import type { ChatMessage } from '../../../../../shared/domain/conversation'
import { demoDatasetSchema, demoPromptsSchema } from '../../../../../shared/domain/demo-files'

const provider = createDemoProvider({ latencyScale: 0 })
const router = demoPromptsSchema.parse(demoPrompts).find((p) => p.key === 'ticket-router')
const cases = demoDatasetSchema.parse(routingDataset).cases

function request(versionIndex: number, caseIndex: number, extra: ChatMessage[] = []): ChatRequest {
  const version = router?.versions[versionIndex]
  const c = cases[caseIndex]
  if (!version || !c) throw new Error('the demo router or its case is missing')
  const rendered = renderMessages(version.messages, {
    vars: c.vars,
    key: c.key,
    ...(c.conversation ? { conversation: c.conversation } : {}),
  })
  return {
    messages: [...rendered.messages, ...extra],
    model: version.model,
    params: version.params,
    timeoutMs: 10_000,
  }
}

describe('the demo routing agent', () => {
  it('answers a routing chat with one route_ticket call whose arguments are JSON, and no text', async () => {
    const answer = await provider.chat(request(0, 0))
    expect(answer.text).toBe('')
    expect(answer.finishReason).toBe('tool_calls')
    expect(answer.toolCalls).toHaveLength(1)
    expect(answer.toolCalls[0]?.name).toBe('route_ticket')
    expect(JSON.parse(answer.toolCalls[0]?.arguments ?? '')).toEqual({ queue: 'billing', priority: 'p2' })
    // Same input, same call: the simulation is deterministic, ids included.
    expect((await provider.chat(request(0, 0))).toolCalls).toEqual(answer.toolCalls)
  })

  it('closes a solved chat without a call, and confirms after a canned tool result', async () => {
    const solved = cases.findIndex((c) => c.expected['no_tool'] === true)
    const closing = await provider.chat(request(0, solved))
    expect(closing.toolCalls).toEqual([])
    expect(closing.text).toMatch(/closing this chat/)

    const first = await provider.chat(request(0, 0))
    const call = first.toolCalls[0]
    if (!call) throw new Error('no call')
    const result = '{"ok":true}'
    const next = await provider.chat(
      request(0, 0, [
        { role: 'assistant', content: '', toolCalls: [call] },
        { role: 'tool', toolCallId: call.id, name: call.name, content: result },
      ]),
    )
    const sent = JSON.parse(call.arguments) as { queue: string; priority: string }
    expect(next).toMatchObject({
      text: `Routed to the ${sent.queue} queue at ${sent.priority}.`,
      toolCalls: [],
      finishReason: 'stop',
    })
  })

  it('the 2026-09 version sends arguments that are not JSON on one chat', async () => {
    const calls = await Promise.all(cases.map(async (_, i) => (await provider.chat(request(1, i))).toolCalls))
    const broken = calls.flat().filter((c) => {
      try {
        JSON.parse(c.arguments)
        return false
      } catch {
        return true
      }
    })
    expect(broken).toHaveLength(1)
    expect(calls.flat()).toHaveLength(21)
  })
})
