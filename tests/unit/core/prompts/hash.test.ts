import { describe, expect, it } from 'vitest'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import { contentHash } from '../../../../electron/main/core/prompts/hash'

type Content = Pick<PromptVersion, 'messages' | 'model' | 'params'>

const base: Content = {
  messages: [
    { role: 'system', content: 'Classify the ticket.' },
    { role: 'user', content: '{{subject}}\n{{body}}' },
  ],
  model: { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' },
  params: { temperature: 0, maxTokens: 300, seed: 7, responseFormat: { type: 'json_object' } },
}

describe('contentHash', () => {
  it('is a sha256 that depends on content only, not on key order', () => {
    const hash = contentHash(base)
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(contentHash(structuredClone(base))).toBe(hash)
    const reordered: Content = {
      params: { responseFormat: { type: 'json_object' }, seed: 7, maxTokens: 300, temperature: 0 },
      model: { model: 'gpt-4o-mini-2024-07-18', provider: 'openai' },
      messages: base.messages.map((m) => ({ content: m.content, role: m.role })),
    }
    expect(contentHash(reordered)).toBe(hash)
  })

  it('ignores who saved the version and when', () => {
    const withMeta = { ...base, author: 'someone', createdAt: '2030-01-01T00:00:00Z', message: 'x' }
    expect(contentHash(withMeta)).toBe(contentHash(base))
  })

  const changes: [string, Content][] = [
    [
      'one character of a message',
      { ...base, messages: [base.messages[0]!, { role: 'user', content: '{{subject}}\n{{body}} ' }] },
    ],
    ['a role', { ...base, messages: [{ ...base.messages[0]!, role: 'user' }, base.messages[1]!] }],
    ['the message order', { ...base, messages: [...base.messages].reverse() }],
    ['an extra message', { ...base, messages: [...base.messages, { role: 'assistant', content: '{' }] }],
    ['the model id', { ...base, model: { provider: 'openai', model: 'gpt-4o-mini' } }],
    ['the provider', { ...base, model: { provider: 'azure', model: 'gpt-4o-mini-2024-07-18' } }],
    ['the temperature', { ...base, params: { ...base.params, temperature: 0.1 } }],
    ['max tokens', { ...base, params: { ...base.params, maxTokens: 301 } }],
    ['the seed', { ...base, params: { ...base.params, seed: 8 } }],
    ['a removed parameter', { ...base, params: { temperature: 0, maxTokens: 300, seed: 7 } }],
    ['the response format', { ...base, params: { ...base.params, responseFormat: { type: 'text' } } }],
    [
      'the JSON schema',
      {
        ...base,
        params: {
          ...base.params,
          responseFormat: { type: 'json_schema', name: 't', schema: { type: 'object' } },
        },
      },
    ],
  ]

  it.each(changes)('changes when %s changes', (_what, changed) => {
    expect(contentHash(changed)).not.toBe(contentHash(base))
  })
})
