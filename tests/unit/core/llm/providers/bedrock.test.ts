import { beforeEach, describe, expect, it } from 'vitest'
import { createBedrockProvider } from '../../../../../electron/main/core/llm/providers/bedrock'
import { ProviderError } from '../../../../../electron/main/core/llm/providers/types'
import type { ChatRequest } from '../../../../../electron/main/core/llm/providers/types'
import { bySteps, toolCall, type MockLlmServer } from '../../../../fixtures/mock-llm'
import { FAKE_AWS_KEY_ID } from '../../../../fixtures/mock-llm/aws-env'
import { rejectionOf, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useFakeAwsEnv } from './bedrock-stub'

const start = useMockLlmServer()
const awsEnv = useFakeAwsEnv()
beforeEach(() => awsEnv())

const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0'

const bedrock = (server: MockLlmServer) =>
  createBedrockProvider({ id: 'bedrock-eu', region: 'eu-central-1', baseUrl: server.url })

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content: 'What is the capital of France?' },
  ],
  model: { provider: 'bedrock-eu', model: MODEL },
  params: { temperature: 0.2, maxTokens: 64, topP: 0.9 },
  caseKey: 'case-1',
  timeoutMs: 5_000,
  ...overrides,
})

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(ProviderError)
  return error as ProviderError
}

describe('bedrock adapter (ConverseStream through the AWS SDK)', () => {
  it('streams the answer with usage, stop reason and a measured time to first token', async () => {
    const server = await start({
      latencyMs: 60,
      firstTokenMs: 30,
      recordRequests: 5,
      apiKey: FAKE_AWS_KEY_ID,
    })
    const response = await bedrock(server).chat(request())
    expect(response.text).toMatch(/^Mock answer \w+: /)
    expect(response.finishReason).toBe('end_turn')
    expect(response.usage.inputTokens).toBeGreaterThan(0)
    expect(response.usage.outputTokens).toBeGreaterThan(0)
    expect(response.ttftMs).toBeGreaterThanOrEqual(25)
    expect(response.ttftMs).toBeLessThanOrEqual(response.totalMs)
    expect(response.raw).toEqual({ requestId: expect.stringMatching(/^req_mock_/), model: MODEL })
    const seen = server.requests[0]?.request
    expect(seen?.api).toBe('bedrock')
    expect(seen?.model).toBe(MODEL)
    expect(seen?.stream).toBe(true)
    expect(seen?.key).toBe('case-1')
    expect(seen?.system).toBe('Answer briefly.')
    expect(seen?.body).toMatchObject({ inferenceConfig: { maxTokens: 64, temperature: 0.2, topP: 0.9 } })
    expect(String(seen?.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIA\w+\/\d+\/eu-central-1\/bedrock\//,
    )
  })

  it('counts cached prompt tokens inside inputTokens, as ChatUsage means', async () => {
    const server = await start({ responder: () => ({ text: 'cached answer', cachedTokens: 3 }) })
    const response = await bedrock(server).chat(request())
    expect(response.text).toBe('cached answer')
    expect(response.usage.cachedTokens).toBe(3)
    const direct = await bedrock(await start({ responder: () => 'cached answer' })).chat(request())
    expect(response.usage.inputTokens).toBe(direct.usage.inputTokens)
  })

  it('sends tools and tool results as toolUse / toolResult blocks and returns the calls', async () => {
    const server = await start({
      recordRequests: 5,
      responder: bySteps([
        { text: 'Looking.', toolCalls: [toolCall('lookup', { id: 7 }, 'tu-1')] },
        'Found it.',
      ]),
    })
    const tools = [
      {
        name: 'lookup',
        description: 'Find an order',
        parameters: { type: 'object', properties: { id: { type: 'integer' } } },
      },
    ]
    const first = await bedrock(server).chat(request({ params: { tools, toolChoice: 'auto' } }))
    expect(first.text).toBe('Looking.')
    expect(first.toolCalls).toEqual([{ id: 'tu-1', name: 'lookup', arguments: '{"id":7}' }])
    expect(first.finishReason).toBe('tool_use')
    const second = await bedrock(server).chat(
      request({
        params: { tools, toolChoice: 'auto' },
        messages: [
          ...request().messages,
          { role: 'assistant', content: 'Looking.', toolCalls: first.toolCalls },
          { role: 'tool', toolCallId: 'tu-1', name: 'lookup', content: '{"status":"shipped"}' },
        ],
      }),
    )
    expect(second.text).toBe('Found it.')
    const sent = server.requests[1]?.request
    expect(sent?.step).toBe(1)
    expect(sent?.messages.at(-1)).toMatchObject({
      role: 'tool',
      toolCallId: 'tu-1',
      text: '{"status":"shipped"}',
    })
    expect(sent?.body).toMatchObject({ toolConfig: { toolChoice: { auto: {} } } })
  })

  it('asks for a JSON Schema answer through a forced tool and returns its input as the text', async () => {
    const server = await start({ recordRequests: 1 })
    const schema = { type: 'object', properties: { queue: { type: 'string' } }, required: ['queue'] }
    const response = await bedrock(server).chat(
      request({ params: { responseFormat: { type: 'json_schema', name: 'route', schema } } }),
    )
    expect(JSON.parse(response.text)).toEqual({ queue: expect.any(String) })
    expect(response.toolCalls).toEqual([])
    expect(response.finishReason).toBe('end_turn')
    expect(server.requests[0]?.request.toolChoice).toEqual({ name: 'route' })
  })

  it('maps a 429 to rate_limited with retry-after, a 500 to server, a bad body to client', async () => {
    const server = await start({ retryAfterSeconds: 2 })
    server.setBehavior({ faultsFor: (key) => ({ a: ['429'], b: ['500'] })[key] as ['429'] | undefined })
    const limited = await providerError(bedrock(server).chat(request({ caseKey: 'a' })))
    expect(limited).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 2000 })
    expect(limited.message).toContain('ThrottlingException')
    const failed = await providerError(bedrock(server).chat(request({ caseKey: 'b' })))
    expect(failed).toMatchObject({ kind: 'server', status: 500 })
    expect(failed.message).toContain('InternalServerException')
    const invalid = await providerError(
      bedrock(server).chat(request({ messages: [{ role: 'system', content: 'x' }] })),
    )
    expect(invalid).toMatchObject({ kind: 'client', status: 400 })
    expect(invalid.message).toContain('ValidationException')
  })

  it('maps a refused access key to auth', async () => {
    const server = await start({ apiKey: 'AKIASOMEONEELSE00000' })
    const error = await providerError(bedrock(server).chat(request()))
    expect(error).toMatchObject({ kind: 'auth', status: 403 })
    expect(error.message).toContain('AccessDeniedException')
  })

  it('says how to give credentials when the AWS chain finds none', async () => {
    awsEnv(false)
    const server = await start()
    const error = await providerError(bedrock(server).chat(request()))
    expect(error.kind).toBe('auth')
    expect(error.message).toMatch(/set AWS_PROFILE .* or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/)
    expect(server.stats.total).toBe(0)
  })

  it('reports a cancelled call as cancelled and a hung one as a timeout', async () => {
    const server = await start({ latencyMs: 2_000, firstTokenMs: 1_000 })
    const controller = new AbortController()
    const pending = bedrock(server).chat(request({ signal: controller.signal }))
    setTimeout(() => controller.abort(), 50)
    expect((await providerError(pending)).kind).toBe('cancelled')
    server.setBehavior({ rateHang: 1 })
    const hung = await providerError(bedrock(server).chat(request({ timeoutMs: 200 })))
    expect(hung.kind).toBe('timeout')
  })

  it('turns a dropped connection into network and a malformed stream into server', async () => {
    const server = await start({
      faultsFor: (key) => ({ r: ['reset'], m: ['malformed'] })[key] as ['reset'] | undefined,
    })
    const reset = await providerError(bedrock(server).chat(request({ caseKey: 'r' })))
    expect(reset.kind, reset.message).toBe('network')
    const malformed = await providerError(bedrock(server).chat(request({ caseKey: 'm' })))
    expect(malformed.kind, malformed.message).toBe('server')
  })

  it('watches the stream byte by byte: a slow steady stream passes the idle limit, a stalled one is cut', async () => {
    const limits = { requestMs: () => 10_000, idleMs: () => 1_200, observe: () => {} }
    const server = await start({
      latencyMs: 2_400,
      firstTokenMs: 100,
      responder: () => 'one two three four five six seven eight nine ten',
    })
    const slow = await bedrock(server).chat(request({ timeoutMs: undefined, limits }))
    expect(slow.text).toBe('one two three four five six seven eight nine ten')
    expect(slow.totalMs).toBeGreaterThan(1_200)
    server.setBehavior({ rateStall: 1 })
    const stalled = await providerError(bedrock(server).chat(request({ timeoutMs: undefined, limits })))
    expect(stalled.kind).toBe('timeout')
    expect(stalled.message).toContain('idle timeout')
  })
})
