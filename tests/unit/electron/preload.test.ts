import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Transport } from '../../../shared/contract/transport'

const fake = await vi.hoisted(() => import('../../fixtures/fake-electron'))
vi.mock('electron', () => fake.fakeElectron)

const { contextBridge, ipcRenderer, resetFakeElectron } = fake
let api: Transport

beforeAll(async () => {
  resetFakeElectron()
  await import('../../../electron/preload/index')
  api = contextBridge.exposed.get('evalLab') as Transport
})

beforeEach(() => {
  ipcRenderer.invocations.length = 0
  ipcRenderer.removeAllListeners()
})

/** The page is untrusted: it may pass any value, whatever the Transport type says. */
const loose = () =>
  api as unknown as {
    rpc(method: unknown, input: unknown): Promise<unknown>
    on(event: unknown, listener: unknown): () => void
  }

describe('preload bridge', () => {
  it('exposes exactly { rpc, on } as window.evalLab, and only the folder dialog as window.evalLabShell', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['evalLab', 'evalLabShell'])
    expect(Object.keys(contextBridge.exposed.get('evalLabShell') as object)).toEqual(['chooseFolder'])
    expect(Object.keys(api).sort()).toEqual(['on', 'rpc'])
    expect(typeof api.rpc).toBe('function')
    expect(typeof api.on).toBe('function')
  })

  it('forwards a known method on the rpc channel and returns main’s envelope', async () => {
    ipcRenderer.reply = () => Promise.resolve({ ok: true, value: [] })
    expect(await api.rpc('prompts.list', {})).toEqual({ ok: true, value: [] })
    expect(ipcRenderer.invocations).toEqual([{ channel: 'evallab:rpc', args: ['prompts.list', {}] }])
  })

  it.each([['prompts.delete'], ['__proto__'], [''], [7], [null]])(
    'refuses the unknown method %s without calling main',
    async (method) => {
      const reply = await loose().rpc(method, {})
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
      expect(ipcRenderer.invocations).toEqual([])
    },
  )

  it('turns a rejected invoke into an envelope', async () => {
    ipcRenderer.reply = () => Promise.reject(new Error('An object could not be cloned.'))
    expect(await api.rpc('app.status', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'IPC call failed: An object could not be cloned.' },
    })
  })

  it('gives a listener the payload of its event only, never the IPC event', () => {
    const listener = vi.fn()
    api.on('db.changed', listener)
    ipcRenderer.deliver('evallab:event', 'other.event', { tables: ['x'] })
    ipcRenderer.deliver('evallab:event', 'db.changed', { tables: ['prompt_versions'] })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith({ tables: ['prompt_versions'] })
    expect(listener.mock.calls[0]).toHaveLength(1)
  })

  it('stops delivering after unsubscribe', () => {
    const listener = vi.fn()
    const unsubscribe = api.on('db.changed', listener)
    unsubscribe()
    ipcRenderer.deliver('evallab:event', 'db.changed', { tables: ['datasets'] })
    expect(listener).not.toHaveBeenCalled()
    expect(ipcRenderer.listenerCount('evallab:event')).toBe(0)
  })

  it('refuses an unknown event and a non-function listener', () => {
    expect(() => loose().on('runs.secret', () => {})).toThrow('Unknown event "runs.secret"')
    expect(() => loose().on('db.changed', 'not a function')).toThrow(TypeError)
    expect(ipcRenderer.listenerCount('evallab:event')).toBe(0)
  })
})

describe('shell bridge', () => {
  it('asks main for a folder on its own channel and passes on only a string path', async () => {
    const shell = contextBridge.exposed.get('evalLabShell') as {
      chooseFolder(title: string): Promise<string | null>
    }
    ipcRenderer.reply = () => Promise.resolve('/repo/evals')
    expect(await shell.chooseFolder('Export to')).toBe('/repo/evals')
    expect(ipcRenderer.invocations).toEqual([{ channel: 'evallab:choose-folder', args: ['Export to'] }])
    ipcRenderer.reply = () => Promise.resolve({ path: '/etc' })
    expect(await shell.chooseFolder('Export to')).toBeNull()
  })
})
