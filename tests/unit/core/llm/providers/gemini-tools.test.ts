import { describe, expect, it } from 'vitest'
import { createGeminiProvider } from '../../../../../electron/main/core/llm/providers/gemini'
import { SKIP_SIGNATURE } from '../../../../../electron/main/core/llm/providers/gemini-messages'
import { GeminiParts, geminiUsage } from '../../../../../electron/main/core/llm/providers/gemini-tools'
import { ProviderError } from '../../../../../electron/main/core/llm/providers/types'
import type { ChatRequest } from '../../../../../electron/main/core/llm/providers/types'
import type { ChatMessage, ToolDefinition } from '../../../../../shared/domain/conversation'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import { bySteps, toolCall } from '../../../../fixtures/mock-llm'
import type { MockLlmServer } from '../../../../fixtures/mock-llm'
import { rejectionOf, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'

const start = useMockLlmServer()
const gemini = (server: MockLlmServer) =>
  createGeminiProvider({ id: 'gemini-eu', baseUrl: server.url, apiKey: 'k' })

const routeTicket: ToolDefinition = {
  name: 'route_ticket',
  description: 'Send a support ticket to a queue.',
  parameters: {
    type: 'object',
    properties: { queue: { type: 'string', enum: ['billing', 'tech'] }, priority: { type: 'integer' } },
    required: ['queue', 'priority'],
  },
}
const lookupUser: ToolDefinition = {
  name: 'lookup_user',
  description: '',
  parameters: { type: 'object', properties: { email: { type: 'string' } } },
}

const chat = (params: ModelParams, messages?: ChatMessage[], model = 'gemini-2.5-flash'): ChatRequest => ({
  messages: messages ?? [
    { role: 'system', content: 'Route support tickets.' },
    { role: 'user', content: 'My invoice is wrong, please help.' },
  ],
  model: { provider: 'gemini-eu', model },
  params,
  caseKey: 'ticket-1',
  timeoutMs: 5_000,
})

describe('gemini tools: function declarations, calling config, calls and results', () => {
  it('offers the tools as JSON Schema declarations and returns the calls the model made', async () => {
    const call = toolCall('route_ticket', { queue: 'billing', priority: 2 })
    const server = await start({
      recordRequests: 1,
      responder: () => ({ text: 'Routing.', toolCalls: [call] }),
    })
    const response = await gemini(server).chat(chat({ tools: [routeTicket, lookupUser], toolChoice: 'auto' }))
    expect(response.text).toBe('Routing.')
    expect(response.toolCalls).toEqual([
      { id: expect.any(String), name: 'route_ticket', arguments: '{"queue":"billing","priority":2}' },
    ])
    expect(response.finishReason).toBe('tool_calls')
    const seen = server.requests[0]?.request
    expect(seen?.tools).toEqual([
      {
        name: 'route_ticket',
        description: 'Send a support ticket to a queue.',
        parameters: routeTicket.parameters,
      },
      { name: 'lookup_user', parameters: lookupUser.parameters },
    ])
    expect(seen?.toolChoice).toBe('auto')
    expect(seen?.body['tools']).toEqual([
      {
        functionDeclarations: [
          expect.objectContaining({ name: 'route_ticket', parametersJsonSchema: routeTicket.parameters }),
          expect.objectContaining({ name: 'lookup_user' }),
        ],
      },
    ])
  })

  it('a named tool choice is mode ANY limited to that function, and the model calls it', async () => {
    const server = await start({ recordRequests: 1 })
    const response = await gemini(server).chat(
      chat({ tools: [routeTicket, lookupUser], toolChoice: { name: 'lookup_user' } }),
    )
    expect(response.toolCalls.map((c) => c.name)).toEqual(['lookup_user'])
    expect(server.requests[0]?.request.toolChoice).toEqual({ name: 'lookup_user' })
    expect(server.requests[0]?.request.body['toolConfig']).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['lookup_user'] },
    })
  })

  it('sends a step-2 conversation back: functionCall parts, then the results as functionResponse parts', async () => {
    const server = await start({
      recordRequests: 2,
      responder: bySteps([
        { toolCalls: [toolCall('lookup_user', { email: 'a@b.c' }, 'fc-1')] },
        'Found Ada.',
      ]),
    })
    const provider = gemini(server)
    const first = await provider.chat(chat({ tools: [lookupUser] }))
    const history: ChatMessage[] = [
      { role: 'user', content: 'Who is a@b.c?' },
      { role: 'assistant', content: '', toolCalls: first.toolCalls },
      { role: 'tool', toolCallId: 'fc-1', name: 'lookup_user', content: 'Ada Lovelace' },
    ]
    const second = await provider.chat(chat({ tools: [lookupUser] }, history))
    expect(second.text).toBe('Found Ada.')
    const seen = server.requests[1]?.request
    expect(seen?.step).toBe(1)
    expect(seen?.messages).toEqual([
      { role: 'user', text: 'Who is a@b.c?' },
      {
        role: 'assistant',
        text: '',
        toolCalls: [{ id: 'fc-1', name: 'lookup_user', arguments: '{"email":"a@b.c"}' }],
      },
      { role: 'tool', text: 'Ada Lovelace', toolCallId: 'fc-1' },
    ])
    // Gemini 2.5 neither sends nor checks thought signatures: none is invented.
    expect(JSON.stringify(seen?.body)).not.toContain(SKIP_SIGNATURE)
  })

  it('a replayed call to a Gemini 3 model carries the documented skip-validation signature', async () => {
    const server = await start({ recordRequests: 1 })
    const history: ChatMessage[] = [
      { role: 'user', content: 'Who is a@b.c?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'gemini_call_0', name: 'lookup_user', arguments: '{}' }],
      },
      { role: 'tool', toolCallId: 'gemini_call_0', name: 'lookup_user', content: 'Ada' },
    ]
    await gemini(server).chat(chat({ tools: [lookupUser] }, history, 'gemini-3-flash-preview'))
    const contents = server.requests[0]?.request.body['contents'] as { parts: Record<string, unknown>[] }[]
    expect(contents[1]?.parts[0]).toEqual({
      functionCall: { name: 'lookup_user', args: {} },
      thoughtSignature: SKIP_SIGNATURE,
    })
    // An id the adapter made up is never sent: Gemini matches the response by name.
    expect(contents[2]?.parts[0]).toEqual({
      functionResponse: { name: 'lookup_user', response: { output: 'Ada' } },
    })
  })

  it('a call whose arguments are not a JSON object is refused before sending (client)', async () => {
    const server = await start()
    const history: ChatMessage[] = [
      { role: 'user', content: 'x' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'c', name: 'lookup_user', arguments: '{"email": ' }],
      },
      { role: 'tool', toolCallId: 'c', name: 'lookup_user', content: 'r' },
    ]
    const error = await rejectionOf(gemini(server).chat(chat({ tools: [lookupUser] }, history)))
    expect(error).toBeInstanceOf(ProviderError)
    expect((error as ProviderError).kind).toBe('client')
    expect(server.stats.total).toBe(0)
  })
})

describe('gemini chunks and usage', () => {
  it('names calls without an id gemini_call_<n> and leaves thought summaries out of the text', () => {
    const parts = new GeminiParts()
    parts.add({
      candidates: [
        {
          content: {
            parts: [
              { text: 'thinking…', thought: true },
              { text: 'Sure.' },
              { functionCall: { name: 'a', args: { x: 1 } } },
              { functionCall: { name: 'b' } },
            ],
          },
        },
      ],
    } as never)
    expect(parts.text).toBe('Sure.')
    expect(parts.calls).toEqual([
      { id: 'gemini_call_0', name: 'a', arguments: '{"x":1}' },
      { id: 'gemini_call_1', name: 'b', arguments: '{}' },
    ])
  })

  it('bills thinking as output and counts cached content inside the prompt', () => {
    const usage = geminiUsage({
      promptTokenCount: 1000,
      cachedContentTokenCount: 600,
      candidatesTokenCount: 50,
      thoughtsTokenCount: 200,
      toolUsePromptTokenCount: 10,
    })
    expect(usage).toEqual({ inputTokens: 1010, outputTokens: 250, cachedTokens: 600 })
  })
})
