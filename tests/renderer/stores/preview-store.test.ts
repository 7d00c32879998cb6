import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, createMemoryTransport } from '../../../renderer/src/api'
import { createPreviewStore, type PreviewTemplate } from '../../../renderer/src/stores/preview/preview-store'
import { createFakeCore, deferred } from '../fixtures/fake-core'

afterEach(() => {
  vi.useRealTimers()
})

const template = (content: string): PreviewTemplate => ({
  messages: [{ role: 'user', content }],
  model: { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' },
  params: {},
})

function setup() {
  const core = createFakeCore()
  const calls = () => core.transport.calls.filter((c) => c.method === 'prompts.preview')
  const store = createPreviewStore(createClient(core.transport), 250)
  return { core, store, calls }
}

describe('preview store', () => {
  it('sends one request per 250 ms of quiet, with the latest template and vars', async () => {
    vi.useFakeTimers()
    const { store, calls } = setup()
    const { actions } = store.getState()
    actions.setTemplate(template('Hi {{name}}'))
    await vi.advanceTimersByTimeAsync(100)
    actions.setTemplate(template('Hello {{name}}'))
    actions.setManualVar('name', 'Ana')
    await vi.advanceTimersByTimeAsync(200)
    expect(calls()).toHaveLength(0)
    expect(store.getState().load.status).toBe('loading')

    await vi.advanceTimersByTimeAsync(60)
    expect(calls()).toHaveLength(1)
    expect(calls()[0]?.input).toMatchObject({
      messages: [{ content: 'Hello {{name}}' }],
      vars: { name: 'Ana' },
    })
    expect(store.getState().result?.messages[0]?.content).toBe('Hello Ana')
    expect(store.getState().load.status).toBe('ready')
  })

  it("fills {{case.key}} with the picked case's key, or with the value typed for it", async () => {
    const { store, calls } = setup()
    const { actions } = store.getState()
    actions.setTemplate(template('Ticket {{case.key}}: {{subject}}'))
    actions.setManualVar('case.key', 'tkt-7')
    actions.setManualVar('subject', 'Refund')
    await actions.flush()
    expect(calls().at(-1)?.input).toMatchObject({ vars: { subject: 'Refund' }, caseKey: 'tkt-7' })
    expect(Object.keys((calls().at(-1)?.input as { vars: object }).vars)).toEqual(['subject'])
    actions.setSource('case')
    const picked = { key: 'tkt-0042', vars: { subject: 'Charged twice' } }
    actions.pickCase({ ...picked, id: 'c1', expected: {}, expectedOutput: null, tags: [], notes: '' })
    await actions.flush()
    expect(calls().at(-1)?.input).toMatchObject({ vars: picked.vars, caseKey: 'tkt-0042' })
  })

  it('drops a reply that arrives after a newer one', async () => {
    const core = createFakeCore()
    const slow = deferred<void>()
    const preview = core.handlers['prompts.preview']!
    const transport = createMemoryTransport({
      ...core.handlers,
      'prompts.preview': async (input) => {
        if (input.messages[0]?.content === 'old') await slow.promise
        return preview(input)
      },
    })
    const store = createPreviewStore(createClient(transport), 1)
    const { actions } = store.getState()

    actions.setTemplate(template('old'))
    const first = actions.flush()
    actions.setTemplate(template('new'))
    await actions.flush()
    expect(store.getState().result?.messages[0]?.content).toBe('new')

    slow.resolve()
    await first
    expect(store.getState().result?.messages[0]?.content).toBe('new')
  })

  it('fills variables from the picked case, or from typed values', async () => {
    const { store } = setup()
    const { actions } = store.getState()
    actions.setTemplate(template('{{subject}} / {{body}}'))
    actions.setSource('case')
    actions.pickCase({
      id: 'c1',
      key: 'tkt-1',
      vars: { subject: 'Refund', extra: 'x' },
      expected: {},
      expectedOutput: null,
      tags: [],
      notes: '',
    })
    await actions.flush()
    const result = store.getState().result
    expect(result?.missing).toEqual(['body'])
    expect(result?.unused).toEqual(['extra'])
    actions.setSource('manual')
    actions.setManualVar('body', 'text')
    await actions.flush()
    expect(store.getState().result?.messages[0]?.content).toBe(' / text')
    actions.cancel()
  })
})
