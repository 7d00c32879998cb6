import { describe, expect, it } from 'vitest'
import { AppError, methodNames, methods } from '../../../shared/contract'
import { createDispatch, type Handlers } from '../../../electron/main/core/dispatch'
import { EventBus } from '../../../electron/main/core/events'

function handlers(overrides: Partial<Handlers>): Handlers {
  const refuse = () => {
    throw new Error('not under test')
  }
  return { ...(Object.fromEntries(methodNames.map((n) => [n, refuse])) as unknown as Handlers), ...overrides }
}

describe('dispatch', () => {
  it('every contract method has an input and an output schema', () => {
    for (const name of methodNames) {
      expect(methods[name].input).toBeDefined()
      expect(methods[name].output).toBeDefined()
    }
  })

  it('refuses unknown methods without calling anything', async () => {
    const dispatch = createDispatch(handlers({}), new EventBus())
    expect(await dispatch('prompts.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })

  it('refuses input that does not parse, naming the field', async () => {
    let called = false
    const dispatch = createDispatch(
      handlers({
        'prompts.get': () => {
          called = true
          throw new Error('unreachable')
        },
      }),
      new EventBus(),
    )
    const result = await dispatch('prompts.get', { id: 42 })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(!result.ok && result.error.message).toMatch(
      /^The value of “id” was not accepted \(.+\)\. Correct it and try again\.$/,
    )
    expect(called).toBe(false)
  })

  it('turns thrown errors into envelopes: AppError keeps its code, anything else is INTERNAL', async () => {
    const dispatch = createDispatch(
      handlers({
        'prompts.get': () => {
          throw new AppError('NOT_FOUND', 'No prompt with id x')
        },
        'prompts.list': () => {
          throw new TypeError('boom')
        },
      }),
      new EventBus(),
    )
    expect(await dispatch('prompts.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No prompt with id x' },
    })
    expect(await dispatch('prompts.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('announces the tables a write touched in one db.changed event', async () => {
    const bus = new EventBus()
    const seen: unknown[] = []
    bus.subscribe((event, payload) => seen.push([event, payload]))
    const version = {
      id: 'pv_1',
      promptId: 'prm_1',
      number: 2,
      messages: [{ role: 'user' as const, content: 'hi' }],
      model: { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' },
      params: {},
      author: 'a',
      message: 'm',
      createdAt: 't',
      contentHash: 'h',
    }
    const dispatch = createDispatch(handlers({ 'prompts.saveVersion': () => version }), bus)
    const result = await dispatch('prompts.saveVersion', {
      promptId: 'prm_1',
      baseVersionId: 'pv_0',
      messages: version.messages,
      message: 'edit',
    })
    expect(result.ok).toBe(true)
    expect(seen).toEqual([['db.changed', { tables: ['prompt_versions', 'audit_log'] }]])
  })
})
