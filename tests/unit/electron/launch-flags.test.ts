import v8 from 'node:v8'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CoreOptions } from '../../../electron/main/core/index'
import {
  applyLaunchFlags,
  decideLaunch,
  HEAP_CAP_MB,
  JS_FLAGS,
  type LaunchState,
} from '../../../electron/main/launch-flags'

const fake = await vi.hoisted(() => import('../../fixtures/fake-electron'))
vi.mock('electron', () => fake.fakeElectron)

const core = vi.hoisted(() => ({ openCore: vi.fn<(options: CoreOptions) => unknown>() }))
vi.mock('../../../electron/main/core/index', async () => {
  const { EventBus } = await import('../../../electron/main/core/events')
  const { resolveHome } = await import('../../../electron/main/core/home')
  return { openCore: core.openCore, resolveHome, EventBus }
})

const { app, callLog, resetFakeElectron } = fake
const MB = 2 ** 20
/** What V8 reports with no cap on a 64-bit machine (seen: 4144 MB under Node 20 here). */
const UNCAPPED = 4144 * MB
/** What V8 reports with --max-old-space-size=1024 (seen: 1072 MB; the young generation comes on top). */
const CAPPED = 1072 * MB

const packaged = (overrides: Partial<LaunchState> = {}): LaunchState => ({
  packaged: true,
  argv: ['/opt/Eval Lab/eval-lab'],
  switches: [],
  env: {},
  heapLimitBytes: UNCAPPED,
  ...overrides,
})

describe('decideLaunch', () => {
  it('relaunches a packaged app started without the cap, keeping its arguments and adding the switch', () => {
    const decision = decideLaunch(packaged({ argv: ['/opt/Eval Lab/eval-lab', '--home', '/data/lab'] }))
    expect(decision).toEqual({
      action: 'relaunch',
      args: ['--home', '/data/lab', `--js-flags=${JS_FLAGS}`],
    })
    expect(JS_FLAGS).toBe(`--max-old-space-size=${HEAP_CAP_MB}`)
  })

  it('never relaunches twice: the relaunched process has the switch on its command line', () => {
    const first = decideLaunch(packaged())
    if (first.action !== 'relaunch') throw new Error('expected a relaunch')
    const second = decideLaunch(
      packaged({ argv: ['/opt/Eval Lab/eval-lab', ...first.args], heapLimitBytes: CAPPED }),
    )
    expect(second).toEqual({ action: 'continue', rendererFlags: false })
    // Even if V8 had ignored the flag, the switch on argv stops a relaunch loop.
    expect(decideLaunch(packaged({ argv: ['x', ...first.args] }))).toEqual({
      action: 'continue',
      rendererFlags: false,
    })
  })

  it("respects a user's own --js-flags in either spelling", () => {
    for (const argv of [
      ['x', '--js-flags=--trace-gc'],
      ['x', '--js-flags', '--trace-gc'],
    ])
      expect(decideLaunch(packaged({ argv }))).toEqual({ action: 'continue', rendererFlags: false })
  })

  it('leaves a run from source alone: npm start passes the switch itself, npm run dev as before', () => {
    const fromSource = { packaged: false, switches: [], env: {}, heapLimitBytes: UNCAPPED }
    expect(decideLaunch({ ...fromSource, argv: ['electron', '.', `--js-flags=${JS_FLAGS}`] })).toEqual({
      action: 'continue',
      rendererFlags: false,
    })
    expect(decideLaunch({ ...fromSource, argv: ['electron', '.'] })).toEqual({
      action: 'continue',
      rendererFlags: false,
    })
  })

  it('does not relaunch when the heap is already capped (e.g. NODE_OPTIONS), but caps the renderers', () => {
    expect(decideLaunch(packaged({ heapLimitBytes: CAPPED }))).toEqual({
      action: 'continue',
      rendererFlags: true,
    })
  })

  it('does not relaunch an AppImage, which cannot come back, and says the cap is missing', () => {
    const decision = decideLaunch(
      packaged({ env: { APPIMAGE: '/home/me/Eval-Lab-0.1.0-linux-x86_64.AppImage' } }),
    )
    expect(decision).toMatchObject({ action: 'continue', rendererFlags: true })
    expect(decision.action === 'continue' && decision.warning).toMatch(
      /AppImage.*--js-flags=--max-old-space-size/,
    )
  })

  it("does not relaunch under Playwright's Electron launcher, which hides its switches from process.argv", () => {
    // Its loader splices --inspect=0 and --remote-debugging-port=0 out of argv; Chromium's command line keeps them.
    const decision = decideLaunch(packaged({ switches: ['inspect', 'remote-debugging-port'] }))
    expect(decision).toMatchObject({ action: 'continue', rendererFlags: true })
  })

  it('does not relaunch a process a debugger or test driver is attached to', () => {
    for (const flag of [
      '--inspect=0',
      '--remote-debugging-port=0',
      '--inspect-brk',
      '--remote-debugging-pipe',
    ]) {
      const decision = decideLaunch(packaged({ argv: ['/app/eval-lab', flag] }))
      expect(decision, flag).toMatchObject({ action: 'continue', rendererFlags: true })
      expect(decision.action === 'continue' && decision.warning, flag).toMatch(/debugger or test driver/)
    }
  })
})

describe('applyLaunchFlags', () => {
  beforeEach(() => {
    resetFakeElectron()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })

  afterEach(() => vi.restoreAllMocks())

  it('relaunches with the switch and exits 0', () => {
    expect(applyLaunchFlags(app, packaged())).toBe(true)
    expect(app.relaunches).toEqual([{ args: [`--js-flags=${JS_FLAGS}`] }])
    expect(app.exitCode).toBe(0)
    expect(callLog).toEqual(['app.relaunch', 'app.exit'])
  })

  it('appends the switch for renderers when the main process cannot be relaunched', () => {
    expect(applyLaunchFlags(app, packaged({ env: { APPIMAGE: '/x.AppImage' } }))).toBe(false)
    expect(app.commandLine.switches.get('js-flags')).toBe(JS_FLAGS)
    expect(app.relaunches).toEqual([])
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('without the 1024 MB heap cap'))
  })

  it('changes nothing when the switch was given at startup', () => {
    expect(applyLaunchFlags(app, packaged({ argv: ['x', `--js-flags=${JS_FLAGS}`] }))).toBe(false)
    expect(callLog).toEqual([])
  })
})

describe('the main entry in a packaged app', () => {
  const savedArgv = process.argv

  beforeEach(() => {
    resetFakeElectron()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    core.openCore.mockReset()
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true })
    // Electron sets it in every process; plain Node has none.
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/Eval Lab/resources', configurable: true })
    vi.spyOn(v8, 'getHeapStatistics').mockReturnValue({
      ...v8.getHeapStatistics(),
      heap_size_limit: UNCAPPED,
    })
    app.isPackaged = true
  })

  afterEach(() => {
    process.argv = savedArgv
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  async function startMain(): Promise<void> {
    vi.resetModules()
    await import('../../../electron/main/index')
    await new Promise((done) => setImmediate(done))
  }

  it("reads the attached-tool switches from Chromium's command line, not only argv", async () => {
    process.argv = ['/opt/Eval Lab/eval-lab']
    app.commandLine.switches.set('remote-debugging-port', '0')
    core.openCore.mockImplementation(() => {
      throw new Error('stop after the lock')
    })
    await startMain()
    expect(app.relaunches).toEqual([])
    expect(callLog).toContain('app.requestSingleInstanceLock')
  })

  it('relaunches before the single-instance lock and opens nothing', async () => {
    vi.stubEnv('APPIMAGE', '')
    process.argv = ['/opt/Eval Lab/eval-lab']
    await startMain()
    // userData is only a path setting; nothing is opened, and the lock is left to the relaunched process.
    expect(callLog).toEqual(['app.enableSandbox', 'app.setPath:userData', 'app.relaunch', 'app.exit'])
    expect(app.relaunches).toEqual([{ args: [`--js-flags=${JS_FLAGS}`] }])
    expect(core.openCore).not.toHaveBeenCalled()
  })

  it('starts normally once relaunched with the switch', async () => {
    core.openCore.mockImplementation(() => {
      throw new Error('stop after the lock')
    })
    process.argv = ['/opt/Eval Lab/eval-lab', `--js-flags=${JS_FLAGS}`]
    await startMain()
    expect(callLog).not.toContain('app.relaunch')
    expect(callLog.slice(0, 3)).toEqual([
      'app.enableSandbox',
      'app.setPath:userData',
      'app.requestSingleInstanceLock',
    ])
    expect(core.openCore).toHaveBeenCalledTimes(1)
    // No addon under the fake resources folder: the log names where a packaged app looks for it.
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining('app.asar.unpacked/node_modules/better-sqlite3'),
    )
  })
})
