import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../../shared/contract/result'

const fake = await vi.hoisted(() => import('../../fixtures/fake-electron'))
vi.mock('electron', () => fake.fakeElectron)

const { FakeBrowserWindow, FakeWebFrame, ipcMain, resetFakeElectron } = fake
const { EventBus } = await import('../../../electron/main/core/events')
const ipc = await import('../../../electron/main/ipc')
const preload = await import('../../../electron/preload/index')

type FakeWindow = InstanceType<typeof FakeBrowserWindow>
type FakeFrame = InstanceType<typeof FakeWebFrame>

const appUrl = pathToFileURL('/app/out/renderer/index.html').href

function setup() {
  const bus = new EventBus()
  const dispatch = vi.fn((method: string, input: unknown) =>
    Promise.resolve<Result<unknown>>({ ok: true, value: { method, input } }),
  )
  const bridge = ipc.registerIpc({ dispatch, bus })
  return { bus, dispatch, bridge }
}

function openWindow(bridge: ReturnType<typeof ipc.registerIpc>, url = appUrl): FakeWindow {
  const window = new FakeBrowserWindow({})
  window.webContents.mainFrame.url = url
  bridge.attach(window, appUrl)
  return window
}

function call(window: FakeWindow, frame: FakeFrame | null, method: unknown, input: unknown = {}) {
  return ipcMain.invoke(ipc.RPC_CHANNEL, { sender: window.webContents, senderFrame: frame }, method, input)
}

beforeEach(() => resetFakeElectron())

describe('registerIpc: calls', () => {
  it('uses the same channel names as the preload', () => {
    expect(ipc.RPC_CHANNEL).toBe(preload.RPC_CHANNEL)
    expect(ipc.EVENT_CHANNEL).toBe(preload.EVENT_CHANNEL)
    expect(ipc.RPC_CHANNEL).toBe('evallab:rpc')
  })

  it('returns dispatch’s envelope for a valid call from the main frame', async () => {
    const { bridge, dispatch } = setup()
    const window = openWindow(bridge)
    const reply = await call(window, window.webContents.mainFrame, 'prompts.get', { id: 'p1' })
    expect(reply).toEqual({ ok: true, value: { method: 'prompts.get', input: { id: 'p1' } } })
    expect(dispatch).toHaveBeenCalledWith('prompts.get', { id: 'p1' })
  })

  it('passes failure envelopes through untouched', async () => {
    const { bridge, dispatch } = setup()
    const failure: Result<unknown> = { ok: false, error: { code: 'INVALID_INPUT', message: 'bad id' } }
    dispatch.mockResolvedValueOnce(failure)
    const window = openWindow(bridge)
    expect(await call(window, window.webContents.mainFrame, 'prompts.get', {})).toEqual(failure)
  })

  it('refuses a subframe of our window', async () => {
    const { bridge, dispatch } = setup()
    const window = openWindow(bridge)
    const subframe = new FakeWebFrame(appUrl)
    expect(await call(window, subframe, 'app.status')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a webContents that is not one of our windows', async () => {
    const { bridge, dispatch } = setup()
    openWindow(bridge)
    const stranger = new FakeBrowserWindow({})
    stranger.webContents.mainFrame.url = appUrl
    const reply = await call(stranger, stranger.webContents.mainFrame, 'app.status')
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses our main frame once it shows a foreign page', async () => {
    const { bridge, dispatch } = setup()
    const window = openWindow(bridge, 'https://evil.example/')
    const reply = await call(window, window.webContents.mainFrame, 'app.status')
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a call whose frame is gone', async () => {
    const { bridge, dispatch } = setup()
    const window = openWindow(bridge)
    expect(await call(window, null, 'app.status')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses calls after the window closed', async () => {
    const { bridge, dispatch } = setup()
    const window = openWindow(bridge)
    const frame = window.webContents.mainFrame
    window.close()
    expect(await call(window, frame, 'app.status')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it.each([['nope.method'], ['__proto__'], ['constructor'], [42], [undefined]])(
    'refuses the unknown method %s',
    async (method) => {
      const { bridge, dispatch } = setup()
      const window = openWindow(bridge)
      const reply = await call(window, window.webContents.mainFrame, method)
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
      expect(dispatch).not.toHaveBeenCalled()
    },
  )

  it('turns a throwing dispatch into an INTERNAL envelope instead of a rejected invoke', async () => {
    const { bridge, dispatch } = setup()
    dispatch.mockRejectedValueOnce(new Error('boom'))
    const window = openWindow(bridge)
    const reply = await call(window, window.webContents.mainFrame, 'app.status')
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Unexpected error: boom' } })
  })

  it('removes its handler on dispose', () => {
    const { bridge } = setup()
    expect(ipcMain.handlers.has(ipc.RPC_CHANNEL)).toBe(true)
    bridge.dispose()
    expect(ipcMain.handlers.has(ipc.RPC_CHANNEL)).toBe(false)
  })
})

describe('registerIpc: events', () => {
  it('sends core events to every live window', () => {
    const { bridge, bus } = setup()
    const first = openWindow(bridge)
    const second = openWindow(bridge)
    bus.emit('db.changed', { tables: ['prompt_versions'] })
    const expected = [{ channel: ipc.EVENT_CHANNEL, args: ['db.changed', { tables: ['prompt_versions'] }] }]
    expect(first.webContents.sent).toEqual(expected)
    expect(second.webContents.sent).toEqual(expected)
  })

  it('stops sending to a window after it closes, and keeps sending to the others', () => {
    const { bridge, bus } = setup()
    const closing = openWindow(bridge)
    const staying = openWindow(bridge)
    closing.close()
    bus.emit('db.changed', { tables: ['datasets'] })
    expect(closing.webContents.sent).toEqual([])
    expect(staying.webContents.sent).toHaveLength(1)
  })

  it('unsubscribes every window on dispose', () => {
    const { bridge, bus } = setup()
    const window = openWindow(bridge)
    bridge.dispose()
    bus.emit('db.changed', { tables: ['datasets'] })
    expect(window.webContents.sent).toEqual([])
  })
})

describe('registerIpc: the folder dialog', () => {
  const choose = (window: FakeWindow, frame: FakeFrame | null, title: unknown) =>
    ipcMain.invoke(preload.FOLDER_CHANNEL, { sender: window.webContents, senderFrame: frame }, title)

  it('opens the native dialog for our window and returns the chosen folder, or null when cancelled', async () => {
    const { bridge } = setup()
    const window = openWindow(bridge)
    expect(await choose(window, window.webContents.mainFrame, 'Export the baseline to')).toBeNull()
    fake.dialog.openDialogAnswer = { canceled: false, filePaths: ['/repo/evals'] }
    expect(await choose(window, window.webContents.mainFrame, 'Export the baseline to')).toBe('/repo/evals')
    expect(fake.dialog.openDialogCalls.at(-1)).toEqual({
      title: 'Export the baseline to',
      properties: ['openDirectory', 'createDirectory'],
    })
    bridge.dispose()
  })

  it('refuses a page that is not ours without opening a dialog', async () => {
    const { bridge } = setup()
    const window = openWindow(bridge, 'https://evil.example/')
    fake.dialog.openDialogAnswer = { canceled: false, filePaths: ['/repo/evals'] }
    expect(await choose(window, window.webContents.mainFrame, 'x')).toBeNull()
    expect(fake.dialog.openDialogCalls).toEqual([])
    bridge.dispose()
  })
})
