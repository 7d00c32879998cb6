import { describe, expect, it } from 'vitest'
import { anthropicBody } from '../../../../../electron/main/core/llm/providers/anthropic'
import { parseRetryAfter, redact } from '../../../../../electron/main/core/llm/providers/errors'
import { openAiBody } from '../../../../../electron/main/core/llm/providers/openai'
import {
  describeSettings,
  providerSettingsSchema,
  resolveApiKey,
} from '../../../../../electron/main/core/llm/providers/settings'
import type { ChatRequest } from '../../../../../electron/main/core/llm/providers/types'

const schema = { type: 'object', properties: { a: { type: 'string' } } }
const request: ChatRequest = {
  messages: [
    { role: 'system', content: 'Be exact.' },
    { role: 'user', content: 'Classify.' },
  ],
  model: { provider: 'x', model: 'm' },
  params: {
    temperature: 0,
    topP: 0.9,
    seed: 7,
    maxTokens: 50,
    responseFormat: { type: 'json_schema', name: 'triage', schema },
  },
  timeoutMs: 1000,
}

describe('provider settings', () => {
  it('reads keys from the environment, provider-specific names first', () => {
    const env = { OPENAI_API_KEY: 'sk-a', ANTHROPIC_API_KEY: ' ', EVALLAB_MY_VLLM_API_KEY: 'v' }
    expect(resolveApiKey('openai', env)).toBe('sk-a')
    expect(resolveApiKey('anthropic', env)).toBeUndefined()
    expect(resolveApiKey('openai-compatible', env, 'my-vllm')).toBe('v')
    expect(resolveApiKey('openai', { ...env, EVALLAB_WORK_API_KEY: 'w' }, 'work')).toBe('w')
  })

  it('checks settings and never describes the key itself', () => {
    const parsed = providerSettingsSchema.parse({ kind: 'openai', apiKey: 'sk-secret', concurrency: 4 })
    expect(JSON.stringify(describeSettings(parsed))).not.toContain('sk-secret')
    expect(describeSettings(parsed).hasApiKey).toBe(true)
    expect(providerSettingsSchema.safeParse({ kind: 'openai-compatible', concurrency: 1 }).success).toBe(
      false,
    )
    const file = { kind: 'openai-compatible', baseUrl: 'file:///etc/passwd', concurrency: 1 }
    expect(providerSettingsSchema.safeParse(file).success).toBe(false)
  })
})

describe('error helpers', () => {
  it('parses retry-after-ms, retry-after seconds and HTTP dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250)
    expect(parseRetryAfter(new Headers({ 'retry-after': '1.5' }))).toBe(1500)
    const now = Date.parse('2026-11-27T10:00:00Z')
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Fri, 27 Nov 2026 10:00:03 GMT' }), now)).toBe(3000)
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined()
    expect(parseRetryAfter(undefined)).toBeUndefined()
  })

  it('redacts the key and key-like strings from messages', () => {
    expect(redact('Incorrect API key provided: my-own-key', 'my-own-key')).not.toContain('my-own-key')
    expect(redact('bad key sk-proj-abcdef1234567890', undefined)).toBe('bad key [redacted]')
  })
})

describe('request bodies', () => {
  it('maps params to OpenAI, with max_tokens only for compatible servers', () => {
    const body = openAiBody(request, false)
    expect(body).toMatchObject({ temperature: 0, top_p: 0.9, seed: 7, max_completion_tokens: 50 })
    // `a` is optional and extra properties are allowed: strict mode would refuse it, so it is not asked for.
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'triage', schema, strict: false },
    })
    expect(openAiBody(request, true)).toMatchObject({ max_tokens: 50 })
    expect(openAiBody(request, true)).not.toHaveProperty('max_completion_tokens')
  })

  it('maps params to Anthropic: system apart, schema as a forced tool, a default max_tokens', () => {
    const body = anthropicBody({ ...request, params: { ...request.params, maxTokens: undefined } })
    expect(body.max_tokens).toBe(1024)
    expect(body.messages).toEqual([{ role: 'user', content: 'Classify.' }])
    expect(body.system).toBe('Be exact.')
    expect(body.tools).toEqual([expect.objectContaining({ name: 'triage', input_schema: schema })])
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'triage', disable_parallel_tool_use: true })
    expect(body).not.toHaveProperty('seed')
  })
})
