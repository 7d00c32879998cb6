import { describe, expect, it } from 'vitest'
import {
  parseDurationMs,
  parseRateLimit,
} from '../../../../../electron/main/core/llm/providers/rate-limit-headers'
import { anthropicFor, openaiFor, rejectionOf, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'

const start = useMockLlmServer()

describe('rate-limit headers', () => {
  it('reads OpenAI durations as they are sent', () => {
    expect(parseDurationMs('1s')).toBe(1000)
    expect(parseDurationMs('6m0s')).toBe(360_000)
    expect(parseDurationMs('120ms')).toBe(120)
    expect(parseDurationMs('1m30.5s')).toBe(90_500)
    expect(parseDurationMs('soon')).toBeUndefined()
    expect(parseDurationMs('')).toBeUndefined()
  })

  it('reads the request budget of both APIs, and nothing from a server that sends none', () => {
    const now = Date.parse('2026-12-01T10:00:00Z')
    const openai = new Headers({
      'x-ratelimit-limit-requests': '600',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '100ms',
    })
    expect(parseRateLimit(openai, now)).toEqual({
      requestsLimit: 600,
      requestsRemaining: 0,
      requestsResetMs: 100,
    })
    const anthropic = new Headers({
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '12',
      'anthropic-ratelimit-requests-reset': '2026-12-01T10:00:01.500Z',
    })
    expect(parseRateLimit(anthropic, now)).toEqual({
      requestsLimit: 50,
      requestsRemaining: 12,
      requestsResetMs: 1500,
    })
    expect(parseRateLimit(new Headers({ 'content-type': 'application/json' }), now)).toBeUndefined()
    expect(parseRateLimit(new Headers({ 'x-ratelimit-limit-requests': 'many' }), now)).toBeUndefined()
  })

  it('come through the real SDKs from a server with a requests-per-minute limit', async () => {
    const server = await start({ requestsPerMinute: 120, rateBurst: 1 })
    const openai = openaiFor(server)
    const ask = { model: 'mock-gpt', messages: [{ role: 'user' as const, content: 'hi' }] }
    const { response } = await openai.chat.completions.create(ask).withResponse()
    expect(parseRateLimit(response.headers)).toMatchObject({ requestsLimit: 120, requestsRemaining: 0 })
    // The bucket held one request: the next one is refused with the time until the next token.
    const error = (await rejectionOf(openai.chat.completions.create(ask))) as {
      status: number
      headers: Headers
    }
    expect(error.status).toBe(429)
    const retryAfterMs = Number(error.headers.get('retry-after-ms'))
    expect(retryAfterMs).toBeGreaterThan(0)
    expect(retryAfterMs).toBeLessThanOrEqual(500)
    expect(error.headers.get('retry-after')).toBe('1')
    const anthropic = anthropicFor(server)
    const refused = (await rejectionOf(
      anthropic.messages.create({ model: 'mock-claude', max_tokens: 8, messages: ask.messages }),
    )) as { headers: Headers }
    expect(parseRateLimit(refused.headers)).toMatchObject({ requestsLimit: 120, requestsRemaining: 0 })
    expect(server.stats.limited).toBe(2)
  })
})
