import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CoreOptions } from '../../../electron/main/core/index'

const fake = await vi.hoisted(() => import('../../fixtures/fake-electron'))
vi.mock('electron', () => fake.fakeElectron)

const core = vi.hoisted(() => ({
  openCore: vi.fn<(options: CoreOptions) => unknown>(),
  close: vi.fn(),
}))
vi.mock('../../../electron/main/core/index', async () => {
  const { EventBus } = await import('../../../electron/main/core/events')
  const { resolveHome } = await import('../../../electron/main/core/home')
  return { openCore: core.openCore, resolveHome, EventBus }
})

const { app, callLog, FakeBrowserWindow, FakeWebContents, ipcMain, resetFakeElectron, session } = fake
const savedArgv = process.argv

async function startMain(): Promise<void> {
  vi.resetModules()
  await import('../../../electron/main/index')
  // whenReady() resolves on a microtask; let the ready handler run.
  await new Promise((done) => setImmediate(done))
}

beforeEach(async () => {
  resetFakeElectron()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  process.argv = ['electron', '.']
  Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true })
  const { EventBus } = await import('../../../electron/main/core/events')
  core.openCore.mockReset()
  core.close.mockReset()
  core.openCore.mockImplementation(() => ({ dispatch: vi.fn(), bus: new EventBus(), close: core.close }))
})

afterEach(() => {
  process.argv = savedArgv
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('electron main entry', () => {
  it('enables the sandbox and takes the single-instance lock before anything else', async () => {
    await startMain()
    expect(callLog.slice(0, 4)).toEqual([
      'app.enableSandbox',
      'app.setPath:userData',
      'app.requestSingleInstanceLock',
      'app.whenReady',
    ])
  })

  it('quits when another instance holds the lock', async () => {
    app.lockGranted = false
    await startMain()
    expect(callLog).toContain('app.quit')
    expect(callLog).not.toContain('app.whenReady')
    expect(core.openCore).not.toHaveBeenCalled()
  })

  it('opens the core in <appData>/Eval Lab, then one window wired to IPC', async () => {
    vi.stubEnv('EVALLAB_HOME', '')
    await startMain()
    // No Electron build of better-sqlite3 under the fake app path: the core is left to report it.
    const home = resolve('/fake/appData/Eval Lab')
    expect(core.openCore).toHaveBeenCalledWith({
      home,
      nativeBinding: undefined,
      secrets: expect.anything(),
      signingKeys: expect.anything(),
    })
    expect(FakeBrowserWindow.instances).toHaveLength(1)
    expect(ipcMain.handlers.has('evallab:rpc')).toBe(true)
  })

  it('prefers --home over EVALLAB_HOME over the user-data folder', async () => {
    vi.stubEnv('EVALLAB_HOME', '/from/env')
    await startMain()
    expect(core.openCore.mock.calls[0]?.[0].home).toBe(resolve('/from/env'))

    resetFakeElectron()
    process.argv = ['electron', '.', '--home', '/from/flag']
    await startMain()
    expect(core.openCore.mock.calls[1]?.[0].home).toBe(resolve('/from/flag'))
  })

  it('keeps provider keys with safeStorage, in the user-data folder', async () => {
    await startMain()
    const secrets = core.openCore.mock.calls[0]?.[0].secrets
    expect(secrets?.info()).toEqual({ kind: 'safe-storage', canStoreKeys: true, reason: null })
  })

  it('still opens the app when the OS keyring would store keys in plain text, refusing to save keys', async () => {
    fake.safeStorage.backend = 'basic_text'
    await startMain()
    const info = core.openCore.mock.calls[0]?.[0].secrets?.info()
    expect(info?.canStoreKeys).toBe(process.platform !== 'linux')
    expect(FakeBrowserWindow.instances).toHaveLength(1)
  })

  it('denies every permission request and check', async () => {
    await startMain()
    const answer = vi.fn()
    session.defaultSession.permissionRequestHandler?.(null, 'media', answer)
    expect(answer).toHaveBeenCalledWith(false)
    expect(session.defaultSession.permissionCheckHandler?.(null, 'clipboard-read')).toBe(false)
    expect(session.defaultSession.devicePermissionHandler?.({})).toBe(false)
  })

  it('refuses webview attachment and pop-ups on every webContents', async () => {
    await startMain()
    const contents = new FakeWebContents()
    app.emit('web-contents-created', {}, contents)
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalled()
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('closes the core and drops the IPC handler on quit', async () => {
    await startMain()
    app.emit('will-quit', {})
    expect(core.close).toHaveBeenCalledTimes(1)
    expect(ipcMain.handlers.has('evallab:rpc')).toBe(false)
  })

  it('explains and quits when the core cannot be opened at all', async () => {
    core.openCore.mockImplementation(() => {
      throw new Error('EACCES: permission denied')
    })
    await startMain()
    expect(app.errors).toHaveLength(1)
    expect(app.errors[0]?.content).toContain('EACCES: permission denied')
    expect(callLog).toContain('app.quit')
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })
})
