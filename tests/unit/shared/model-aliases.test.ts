import { describe, expect, it } from 'vitest'
import { adviseModel } from '../../../shared/lib/model-aliases'

describe('adviseModel', () => {
  it.each([
    ['openai', 'gpt-4o-mini-2024-07-18'],
    ['openai', 'gpt-4o-2024-08-06'],
    ['openai', 'gpt-3.5-turbo-0125'],
    ['openai', 'o3-mini-2025-01-31'],
    ['anthropic', 'claude-3-5-haiku-20241022'],
    ['anthropic', 'claude-sonnet-4-20250514'],
  ])('accepts the dated snapshot %s/%s as pinned', (provider, model) => {
    expect(adviseModel({ provider, model })).toEqual({
      movingAlias: false,
      reason: null,
      pinnedAlternatives: [],
    })
  })

  it('flags -latest aliases and offers the known snapshots', () => {
    const advice = adviseModel({ provider: 'anthropic', model: 'claude-3-5-sonnet-latest' })
    expect(advice.movingAlias).toBe(true)
    expect(advice.reason).toMatch(/"claude-3-5-sonnet-latest" is a moving alias/)
    expect(advice.pinnedAlternatives).toEqual(['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet-20240620'])
  })

  it('flags bare family names that have no dated snapshot', () => {
    const advice = adviseModel({ provider: 'openai', model: 'gpt-4o-mini' })
    expect(advice).toEqual({
      movingAlias: true,
      reason: '"gpt-4o-mini" has no dated snapshot, so the model behind it can change without notice.',
      pinnedAlternatives: ['gpt-4o-mini-2024-07-18'],
    })
    expect(adviseModel({ provider: 'openai', model: 'o3' }).pinnedAlternatives).toEqual(['o3-2025-04-16'])
    expect(adviseModel({ provider: 'anthropic', model: 'claude-sonnet-4-5' }).movingAlias).toBe(true)
  })

  it('flags an unknown undated hosted model without inventing alternatives', () => {
    expect(adviseModel({ provider: 'mistral', model: 'mistral-large' })).toMatchObject({
      movingAlias: true,
      pinnedAlternatives: [],
    })
  })

  it('treats local tags as pinned unless they are "latest"', () => {
    expect(adviseModel({ provider: 'openai-compatible', model: 'llama3.1:8b' }).movingAlias).toBe(false)
    expect(adviseModel({ provider: 'demo', model: 'echo' }).movingAlias).toBe(false)
    const latest = adviseModel({ provider: 'openai-compatible', model: 'llama3:latest' })
    expect(latest.movingAlias).toBe(true)
    expect(latest.reason).toMatch(/moving alias/)
  })

  it("judges by the kind of the provider: a server of the user's own names its own models", () => {
    expect(adviseModel({ provider: 'local-llm', model: 'qwen2.5-7b' }, 'openai-compatible').movingAlias).toBe(
      false,
    )
    expect(adviseModel({ provider: 'openai-work', model: 'gpt-4o-mini' }, 'openai')).toMatchObject({
      movingAlias: true,
      pinnedAlternatives: ['gpt-4o-mini-2024-07-18'],
    })
    // A gateway serving a vendor's alias, in either form, still moves under the team.
    expect(adviseModel({ provider: 'gateway', model: 'gpt-4o' }, 'openai-compatible').movingAlias).toBe(true)
    expect(adviseModel({ provider: 'gateway', model: 'openai/gpt-4o' }, 'openai-compatible')).toMatchObject({
      movingAlias: true,
      pinnedAlternatives: ['openai/gpt-4o-2024-11-20', 'openai/gpt-4o-2024-08-06'],
    })
    expect(
      adviseModel({ provider: 'gateway', model: 'openai/gpt-4o-2024-08-06' }, 'openai-compatible'),
    ).toMatchObject({ movingAlias: false })
  })

  it("follows Google's naming for Gemini: stable names are pinned, -latest and the older aliases move", () => {
    const gemini = (id: string) => adviseModel({ provider: 'gemini-eu', model: id }, 'gemini')
    expect(gemini('gemini-2.5-flash').movingAlias).toBe(false)
    expect(gemini('gemini-2.0-flash-001').movingAlias).toBe(false)
    expect(gemini('gemini-2.5-flash-preview-09-2025').movingAlias).toBe(false)
    expect(gemini('gemini-flash-latest').movingAlias).toBe(true)
    expect(gemini('gemini-2.0-flash')).toMatchObject({
      movingAlias: true,
      pinnedAlternatives: ['gemini-2.0-flash-001'],
    })
  })

  it('is case-insensitive for latest and ignores surrounding spaces', () => {
    expect(adviseModel({ provider: 'openai', model: 'chatgpt-4o-LATEST' }).movingAlias).toBe(true)
    expect(adviseModel({ provider: 'openai', model: ' gpt-4o-2024-11-20 ' }).movingAlias).toBe(false)
  })
})
