import { describe, expect, it } from 'vitest'
import { createAnthropicProvider } from '../../../../../electron/main/core/llm/providers/anthropic'
import { createAzureOpenAiProvider } from '../../../../../electron/main/core/llm/providers/azure-openai'
import { createOpenAiProvider } from '../../../../../electron/main/core/llm/providers/openai'
import { ProviderError } from '../../../../../electron/main/core/llm/providers/types'
import type { ChatRequest, Provider } from '../../../../../electron/main/core/llm/providers/types'
import type { ToolChoice, ToolDefinition } from '../../../../../shared/domain/conversation'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import { toolCall } from '../../../../fixtures/mock-llm'
import type { MockChatRequest, MockLlmServer } from '../../../../fixtures/mock-llm'
import { rejectionOf, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'

const start = useMockLlmServer()

type Api = 'openai' | 'anthropic'
interface Adapter {
  name: string
  api: Api
  make(server: MockLlmServer): Provider
}

/** Each adapter through its real SDK over HTTP against the mock; the compatible one speaks OpenAI's shape. */
const adapters: Adapter[] = [
  {
    name: 'openai',
    api: 'openai',
    make: (server) => createOpenAiProvider({ id: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'k' }),
  },
  {
    name: 'openai-compatible',
    api: 'openai',
    make: (server) =>
      createOpenAiProvider({ id: 'vllm-box', baseUrl: server.openaiBaseUrl, compatible: true }),
  },
  {
    name: 'anthropic',
    api: 'anthropic',
    make: (server) =>
      createAnthropicProvider({ id: 'claude-work', baseUrl: server.anthropicBaseUrl, apiKey: 'k' }),
  },
  {
    name: 'azure-openai',
    api: 'openai',
    make: (server) =>
      createAzureOpenAiProvider({
        id: 'azure-prod',
        endpoint: server.url,
        apiVersion: '2024-10-21',
        apiKey: 'k',
      }),
  },
]

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

const chat = (params: ModelParams, overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [
    { role: 'system', content: 'Route support tickets.' },
    { role: 'user', content: 'My invoice is wrong, please help.' },
  ],
  model: { provider: 'p', model: 'router-model' },
  params,
  caseKey: 'ticket-7',
  timeoutMs: 5_000,
  ...overrides,
})

/** Odd spacing, escapes, non-ASCII and an emoji: the bytes must come back as the model wrote them. */
const exactArgs = '{"queue":  "billing", "note": "caf\\u00e9 – ☕ 🎫 \\"quoted\\"",\n "priority":2}'
const notJson = '{"queue": "billing", "priority": '

const seen = (server: MockLlmServer): MockChatRequest => {
  const request = server.requests.at(-1)?.request
  if (!request) throw new Error('nothing was sent')
  return request
}

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(ProviderError)
  return error as ProviderError
}

/** What each API calls a tool and a tool choice, as the adapters must send them. */
const wire = {
  openai: {
    tools: [
      {
        type: 'function',
        function: {
          name: 'route_ticket',
          description: routeTicket.description,
          parameters: routeTicket.parameters,
        },
      },
      { type: 'function', function: { name: 'lookup_user', parameters: lookupUser.parameters } },
    ],
    choices: ['auto', 'none', 'required', { type: 'function', function: { name: 'lookup_user' } }],
    toolFinish: 'tool_calls',
  },
  anthropic: {
    tools: [
      { name: 'route_ticket', description: routeTicket.description, input_schema: routeTicket.parameters },
      { name: 'lookup_user', input_schema: lookupUser.parameters },
    ],
    choices: [{ type: 'auto' }, { type: 'none' }, { type: 'any' }, { type: 'tool', name: 'lookup_user' }],
    toolFinish: 'tool_use',
  },
} as const

const choices: ToolChoice[] = ['auto', 'none', 'required', { name: 'lookup_user' }]

describe.each(adapters)('$name adapter: tools', (adapter) => {
  it("sends the tools and every tool choice in its API's own shape", async () => {
    const server = await start({ recordRequests: 10, responder: () => 'ok' })
    const provider = adapter.make(server)
    for (const [i, toolChoice] of choices.entries()) {
      await provider.chat(chat({ tools: [routeTicket, lookupUser], toolChoice }))
      expect(seen(server).body['tools']).toEqual(wire[adapter.api].tools)
      expect(seen(server).body['tool_choice']).toEqual(wire[adapter.api].choices[i])
    }
    await provider.chat(chat({ temperature: 0 }))
    expect(seen(server).body).not.toHaveProperty('tools')
    expect(seen(server).body).not.toHaveProperty('tool_choice')
  })

  it('reads several tool calls from the stream with their exact argument text, JSON or not', async () => {
    const calls = [toolCall('route_ticket', exactArgs, 'call_a'), toolCall('lookup_user', notJson, 'call_b')]
    const server = await start({ responder: () => ({ text: 'Routing it now.', toolCalls: calls }) })
    const response = await adapter.make(server).chat(chat({ tools: [routeTicket, lookupUser] }))
    expect(response.text).toBe('Routing it now.')
    expect(response.toolCalls).toEqual([
      { id: 'call_a', name: 'route_ticket', arguments: exactArgs },
      { id: 'call_b', name: 'lookup_user', arguments: notJson },
    ])
    expect(response.finishReason).toBe(wire[adapter.api].toolFinish)
    expect(response.usage.outputTokens).toBeGreaterThan(20)
  })

  it('answers with tool calls only: no text, the calls, and a time to first token', async () => {
    const server = await start({
      latencyMs: 30,
      firstTokenMs: 10,
      responder: () => ({ toolCalls: [toolCall('route_ticket', { queue: 'tech', priority: 1 })] }),
    })
    const response = await adapter.make(server).chat(chat({ tools: [routeTicket], toolChoice: 'required' }))
    expect(response.text).toBe('')
    expect(response.toolCalls).toEqual([
      { id: expect.any(String) as string, name: 'route_ticket', arguments: '{"queue":"tech","priority":1}' },
    ])
    expect(response.ttftMs).not.toBeNull()
  })

  it("sends a case's conversation turns in order after the system prompt", async () => {
    const server = await start({ recordRequests: 5 })
    const messages: ChatRequest['messages'] = [
      { role: 'system', content: 'Route support tickets.' },
      { role: 'user', content: 'Hi, my card was charged twice.' },
      { role: 'assistant', content: 'Sorry to hear that. Which order?' },
      { role: 'user', content: 'Order 1182, yesterday.' },
    ]
    await adapter.make(server).chat(chat({ tools: [routeTicket] }, { messages }))
    expect(seen(server).system).toBe('Route support tickets.')
    expect(seen(server).messages).toEqual([
      { role: 'user', text: 'Hi, my card was charged twice.' },
      { role: 'assistant', text: 'Sorry to hear that. Which order?' },
      { role: 'user', text: 'Order 1182, yesterday.' },
    ])
  })

  it("sends a tool loop's history: the assistant's calls, then the results answering them", async () => {
    const server = await start({ recordRequests: 5, responder: () => 'Both tickets are queued.' })
    const request = chat(
      { tools: [routeTicket] },
      {
        messages: [
          { role: 'system', content: 'Route support tickets.' },
          { role: 'user', content: 'Two tickets: an invoice and a crash.' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [
              { id: 'call_1', name: 'route_ticket', arguments: '{"queue":"billing","priority":2}' },
              { id: 'call_2', name: 'route_ticket', arguments: '{"queue":"tech","priority":1}' },
            ],
          },
          { role: 'tool', toolCallId: 'call_1', name: 'route_ticket', content: 'queued #1' },
          { role: 'tool', toolCallId: 'call_2', name: 'route_ticket', content: 'queued #2' },
        ],
      },
    )
    const response = await adapter.make(server).chat(request)
    expect(response.text).toBe('Both tickets are queued.')
    expect(response.toolCalls).toEqual([])
    const sent = seen(server)
    expect(sent.system).toBe('Route support tickets.')
    expect(sent.step).toBe(1)
    expect(sent.messages).toEqual([
      { role: 'user', text: 'Two tickets: an invoice and a crash.' },
      {
        role: 'assistant',
        text: '',
        toolCalls: [
          { id: 'call_1', name: 'route_ticket', arguments: '{"queue":"billing","priority":2}' },
          { id: 'call_2', name: 'route_ticket', arguments: '{"queue":"tech","priority":1}' },
        ],
      },
      { role: 'tool', text: 'queued #1', toolCallId: 'call_1' },
      { role: 'tool', text: 'queued #2', toolCallId: 'call_2' },
    ])
  })

  it('refuses malformed tool definitions before anything is sent, naming the tool and the problem', async () => {
    const server = await start()
    const provider = adapter.make(server)
    const refused = async (params: ModelParams): Promise<string> => {
      const error = await providerError(provider.chat(chat(params)))
      expect(error.kind).toBe('client')
      return error.message
    }
    const spaced = { ...routeTicket, name: 'route ticket' }
    expect(await refused({ tools: [spaced] })).toMatch(/tools\[0\] "route ticket": name: a tool name is 1–64/)
    const stringParams = { ...routeTicket, parameters: { type: 'string' } }
    expect(await refused({ tools: [stringParams] })).toMatch(
      /tools\[0\] "route_ticket": parameters must be a JSON Schema object/,
    )
    const badSchema = {
      ...routeTicket,
      parameters: { type: 'object', properties: { queue: { type: 'strng' } } },
    }
    expect(await refused({ tools: [badSchema] })).toMatch(
      /tools\[0\] "route_ticket": parameters is not a valid JSON Schema: .*type/,
    )
    expect(await refused({ tools: [routeTicket, routeTicket] })).toMatch(
      /tools\[1\]: the name "route_ticket" is used twice/,
    )
    expect(await refused({ tools: [routeTicket], toolChoice: { name: 'escalate' } })).toMatch(
      /toolChoice names "escalate", which is not one of the tools \(route_ticket\)/,
    )
    expect(await refused({ toolChoice: 'required' })).toMatch(/toolChoice "required" needs at least one tool/)
    expect(server.stats.total).toBe(0)
  })

  it('answers a JSON Schema response format with JSON that fits the schema, not a tool call', async () => {
    const server = await start({ recordRequests: 5 })
    const schema = routeTicket.parameters
    const response = await adapter
      .make(server)
      .chat(chat({ responseFormat: { type: 'json_schema', name: 'triage', schema } }))
    expect(JSON.parse(response.text)).toEqual({ queue: 'billing', priority: 1 })
    expect(response.toolCalls).toEqual([])
    expect(response.finishReason).toBe(adapter.api === 'openai' ? 'stop' : 'end_turn')
  })

  it('reports a refusal as the answer, with finish reason refusal, never as an empty answer', async () => {
    const server = await start({ responder: () => ({ refusal: 'I cannot route this ticket.' }) })
    const schema = routeTicket.parameters
    const params: ModelParams = { responseFormat: { type: 'json_schema', name: 'triage', schema } }
    const response = await adapter.make(server).chat(chat(params))
    expect(response).toMatchObject({
      text: 'I cannot route this ticket.',
      toolCalls: [],
      finishReason: 'refusal',
    })
  })
})

describe('OpenAI structured outputs', () => {
  const strictSchema = {
    type: 'object',
    properties: {
      queue: { type: 'string' },
      tags: {
        type: 'array',
        items: {
          type: 'object',
          properties: { t: { type: 'string' } },
          required: ['t'],
          additionalProperties: false,
        },
      },
    },
    required: ['queue', 'tags'],
    additionalProperties: false,
  }

  it('asks for strict mode only when every object of the schema qualifies, sending the schema as written', async () => {
    const server = await start({ recordRequests: 5 })
    const provider = adapters[0]?.make(server) as Provider
    const format = (schema: Record<string, unknown>): ModelParams => ({
      responseFormat: { type: 'json_schema', name: 'triage', schema },
    })
    await provider.chat(chat(format(strictSchema)))
    expect(seen(server).body['response_format']).toEqual({
      type: 'json_schema',
      json_schema: { name: 'triage', schema: strictSchema, strict: true },
    })
    const nestedLoose = structuredClone(strictSchema)
    delete (nestedLoose.properties.tags.items as { additionalProperties?: boolean }).additionalProperties
    await provider.chat(chat(format(nestedLoose)))
    expect(seen(server).body['response_format']).toMatchObject({
      json_schema: { schema: nestedLoose, strict: false },
    })
    await provider.chat(chat(format({ ...strictSchema, required: ['queue'] })))
    expect(seen(server).body['response_format']).toMatchObject({ json_schema: { strict: false } })
  })

  it('refuses a response format whose name the API would reject', async () => {
    const server = await start()
    const params: ModelParams = {
      responseFormat: { type: 'json_schema', name: 'ticket triage', schema: strictSchema },
    }
    const error = await providerError(adapters[0]?.make(server).chat(chat(params)) ?? Promise.resolve())
    expect(error.message).toMatch(/responseFormat name "ticket triage": a tool name is 1–64/)
    expect(server.stats.total).toBe(0)
  })
})

describe('Anthropic structured outputs and tool history', () => {
  const make = (server: MockLlmServer): Provider => adapters[2]?.make(server) as Provider
  const triage: ModelParams['responseFormat'] = {
    type: 'json_schema',
    name: 'triage',
    schema: routeTicket.parameters,
  }

  it('sends a JSON Schema format as a forced tool, with no instruction in the system prompt', async () => {
    const server = await start({ recordRequests: 5 })
    await make(server).chat(chat({ responseFormat: triage }))
    const body = seen(server).body
    expect(body['system']).toBe('Route support tickets.')
    expect(body['tools']).toEqual([
      {
        name: 'triage',
        description: expect.stringMatching(/its input is the answer/) as string,
        input_schema: routeTicket.parameters,
      },
    ])
    expect(body['tool_choice']).toEqual({ type: 'tool', name: 'triage', disable_parallel_tool_use: true })
  })

  it("beside the version's tools, the model must call one: a real tool call stays a call, the format tool is the answer", async () => {
    const server = await start({ recordRequests: 5 })
    server.setBehavior({ responder: () => ({ toolCalls: [toolCall('route_ticket', exactArgs)] }) })
    const called = await make(server).chat(chat({ tools: [routeTicket], responseFormat: triage }))
    expect(seen(server).body['tool_choice']).toEqual({ type: 'any' })
    expect(seen(server).tools.map((t) => t.name)).toEqual(['route_ticket', 'triage'])
    expect(called).toMatchObject({ text: '', finishReason: 'tool_use' })
    expect(called.toolCalls.map((c) => c.arguments)).toEqual([exactArgs])
    server.setBehavior({
      responder: () => ({ toolCalls: [toolCall('triage', '{"queue": "tech", "priority": 3}')] }),
    })
    const answered = await make(server).chat(
      chat({ tools: [routeTicket], toolChoice: 'none', responseFormat: triage }),
    )
    expect(seen(server).body['tool_choice']).toEqual({
      type: 'tool',
      name: 'triage',
      disable_parallel_tool_use: true,
    })
    expect(answered).toMatchObject({
      text: '{"queue": "tech", "priority": 3}',
      toolCalls: [],
      finishReason: 'end_turn',
    })
  })

  it('refuses a format named like a tool, or one that is not an object schema', async () => {
    const server = await start()
    const clash = await providerError(
      make(server).chat(chat({ tools: [routeTicket], responseFormat: { ...triage, name: 'route_ticket' } })),
    )
    expect(clash.message).toMatch(/responseFormat "route_ticket" has the name of one of the tools/)
    const list = await providerError(
      make(server).chat(
        chat({ responseFormat: { type: 'json_schema', name: 'tags', schema: { type: 'array' } } }),
      ),
    )
    expect(list.message).toMatch(/responseFormat "tags" must be an object schema/)
    expect(server.stats.total).toBe(0)
  })

  it('keeps the asking for a JSON object in words, as Anthropic has no JSON mode', async () => {
    const server = await start({ recordRequests: 5 })
    await make(server).chat(chat({ responseFormat: { type: 'json_object' } }))
    expect(seen(server).system).toMatch(/only with a single JSON object/)
    expect(seen(server).body).not.toHaveProperty('tools')
  })

  it('refuses to send back a tool call whose arguments are not a JSON object', async () => {
    const server = await start()
    const messages: ChatRequest['messages'] = [
      { role: 'user', content: 'Route it.' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'toolu_1', name: 'route_ticket', arguments: notJson }],
      },
      { role: 'tool', toolCallId: 'toolu_1', name: 'route_ticket', content: 'error: bad arguments' },
    ]
    const error = await providerError(make(server).chat(chat({ tools: [routeTicket] }, { messages })))
    expect(error.message).toMatch(
      /tool call "toolu_1" \(route_ticket\) has arguments that are not a JSON object/,
    )
    expect(server.stats.total).toBe(0)
  })

  it('reads a call of a tool without arguments as {}', async () => {
    const server = await start({ responder: () => ({ toolCalls: [toolCall('list_queues', '')] }) })
    const tool: ToolDefinition = { name: 'list_queues', description: '', parameters: { type: 'object' } }
    const response = await make(server).chat(chat({ tools: [tool] }))
    expect(response.toolCalls).toEqual([
      { id: expect.any(String) as string, name: 'list_queues', arguments: '{}' },
    ])
  })
})
