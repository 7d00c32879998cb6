import { describe, expect, it } from 'vitest'
import { createOpenAiProvider } from '../../../../electron/main/core/llm/providers/openai'
import { callWithRetry } from '../../../../electron/main/core/llm/retry'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'

const start = useMockLlmServer()

describe('retry loop over a real SDK and the mock server', () => {
  it('retries a 429 and a 500, then succeeds, with every attempt recorded', async () => {
    const server = await start({ retryAfterSeconds: 0.05 })
    server.setBehavior({ faultsFor: (key) => (key === 'k' ? ['429', '500', 'ok'] : undefined) })
    const provider = createOpenAiProvider({ id: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'k' })
    const request = {
      messages: [{ role: 'user' as const, content: 'hi' }],
      model: { provider: 'openai', model: 'm' },
      params: {},
      caseKey: 'k',
      timeoutMs: 5000,
    }
    const result = await callWithRetry(provider, request, { baseDelayMs: 1, maxDelayMs: 5 })
    expect(result.ok).toBe(true)
    expect(result.attempts.map((a) => a.outcome)).toEqual(['rate_limited', 'server', 'ok'])
    expect(result.attempts[0]).toMatchObject({ retryAfterMs: 50, waitMs: 50 })
  })
})
