import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, createMemoryTransport } from '../../../renderer/src/api'
import { createStores, type Stores } from '../../../renderer/src/stores'
import {
  selectIsDirty,
  selectIsReadOnly,
  selectShownMessages,
} from '../../../renderer/src/stores/prompts/selectors'
import type { PromptDetail } from '../../../shared/domain/prompts'
import { createFakeCore, deferred } from '../fixtures/fake-core'

let stores: Stores | undefined
afterEach(() => {
  stores?.dispose()
  vi.useRealTimers()
})

function setup(core = createFakeCore(), refetchDelayMs = 100) {
  stores = createStores(createClient(core.transport), { refetchDelayMs })
  return { core, prompts: stores.prompts }
}

describe('prompts store', () => {
  it('loads the list', async () => {
    const { prompts } = setup()
    await prompts.getState().actions.loadList()
    const s = prompts.getState()
    expect(s.listLoad.status).toBe('ready')
    expect(s.list.map((p) => [p.name, p.versionCount, p.latest?.number])).toEqual([
      ['Support reply', 2, 2],
      ['Triage', 1, 1],
    ])
  })

  it('saves a version on top of the shown one and shows the new number', async () => {
    const { core, prompts } = setup()
    const { actions } = prompts.getState()
    await actions.select('p-reply')
    actions.editMessage(1, 'Ticket: {{ticket}}\nBe brief and kind.')
    actions.setCommitMessage('Ask for kindness')
    expect(selectIsDirty(prompts.getState())).toBe(true)

    await actions.saveVersion()

    const saveCall = core.transport.calls.find((c) => c.method === 'prompts.saveVersion')
    expect(saveCall?.input).toEqual({
      promptId: 'p-reply',
      baseVersionId: 'p-reply-v2',
      messages: [
        { role: 'system', content: 'You are a support agent.' },
        { role: 'user', content: 'Ticket: {{ticket}}\nBe brief and kind.' },
      ],
      message: 'Ask for kindness',
    })
    const s = prompts.getState()
    expect(s.save).toEqual({ status: 'saved', error: null, savedNumber: 3 })
    expect(s.detail?.version.number).toBe(3)
    expect(s.draft).toBeNull()
    expect(s.commitMessage).toBe('')
    expect(s.list.find((p) => p.id === 'p-reply')?.versionCount).toBe(3)
  })

  it('keeps the draft and shows the error when the save is refused', async () => {
    const { core, prompts } = setup()
    const { actions } = prompts.getState()
    await actions.select('p-reply')
    actions.editMessage(1, 'mine')
    actions.setCommitMessage('my change')
    // Someone else saves v3 meanwhile.
    core.state.prompts[0]?.versions.push({
      ...core.state.prompts[0].versions[1]!,
      id: 'p-reply-v3',
      number: 3,
    })

    await actions.saveVersion()

    const s = prompts.getState()
    expect(s.save.status).toBe('error')
    expect(s.save.error?.code).toBe('CONFLICT')
    expect(selectShownMessages(s)[1]?.content).toBe('mine')
  })

  it('drops a reply that arrives after a newer request', async () => {
    const core = createFakeCore()
    const slow = deferred<void>()
    const get = core.handlers['prompts.get']!
    const transport = createMemoryTransport({
      ...core.handlers,
      'prompts.get': async (input) => {
        if (input.id === 'p-reply') await slow.promise
        return get(input)
      },
    })
    stores = createStores(createClient(transport))
    const { actions } = stores.prompts.getState()

    const first = actions.select('p-reply')
    await actions.select('p-triage')
    slow.resolve()
    await first

    const s = stores.prompts.getState()
    expect(s.selectedId).toBe('p-triage')
    expect(s.detail?.prompt.name).toBe('Triage')
  })

  it('drops an older list reply that resolves last', async () => {
    const core = createFakeCore()
    const slow = deferred<void>()
    let n = 0
    const list = core.handlers['prompts.list']!
    const transport = createMemoryTransport({
      ...core.handlers,
      'prompts.list': async (input) => {
        const result = list(input)
        if (++n === 1) await slow.promise
        return result
      },
    })
    stores = createStores(createClient(transport))
    const { actions } = stores.prompts.getState()
    const stale = actions.loadList()
    core.state.prompts.pop()
    await actions.loadList()
    slow.resolve()
    await stale
    expect(stores.prompts.getState().list.map((p) => p.name)).toEqual(['Support reply'])
  })

  it('refetches once, debounced, when db.changed names one of its tables', async () => {
    vi.useFakeTimers()
    const { core, prompts } = setup()
    await prompts.getState().actions.loadList()
    core.state.prompts.pop()
    const listCalls = () => core.transport.calls.filter((c) => c.method === 'prompts.list').length
    const before = listCalls()

    core.transport.emit('db.changed', { tables: ['audit_log'] })
    core.transport.emit('db.changed', { tables: ['prompt_versions'] })
    core.transport.emit('db.changed', { tables: ['prompts', 'prompt_versions'] })
    expect(listCalls()).toBe(before)
    await vi.advanceTimersByTimeAsync(150)

    expect(listCalls()).toBe(before + 1)
    expect(prompts.getState().list).toHaveLength(1)
  })

  it('does not replace an unsaved draft on refresh', async () => {
    const { prompts } = setup()
    const { actions } = prompts.getState()
    await actions.select('p-reply')
    actions.editMessage(0, 'edited system')
    await actions.refresh()
    expect(selectShownMessages(prompts.getState())[0]?.content).toBe('edited system')
  })

  it('shows older versions read-only and refuses to leave a dirty draft', async () => {
    const { prompts } = setup()
    const { actions } = prompts.getState()
    await actions.select('p-reply')
    await actions.viewVersion(1)
    expect(selectIsReadOnly(prompts.getState())).toBe(true)
    actions.editMessage(1, 'ignored')
    expect(prompts.getState().draft).toBeNull()

    await actions.viewVersion(null)
    actions.editMessage(1, 'dirty')
    await actions.select('p-triage')
    expect(prompts.getState().selectedId).toBe('p-reply')
    expect(prompts.getState().notice).toMatch(/Save or discard/)
    actions.editMessage(1, (prompts.getState().detail as PromptDetail).version.messages[1]!.content)
    expect(selectIsDirty(prompts.getState())).toBe(false)
  })
})
