import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { platformDataDir } from '../../../electron/main/core/home'
import { dbFileName } from '../../../electron/main/core/workspace/open'
import { isCi, isolate, isolationRefusal, userDataFolderName, workspaceFileName } from '../../smoke/isolation'

const temp = join('/', 'tmp', 'evallab-smoke-x')
const developer = {
  PATH: '/usr/bin',
  HOME: '/home/dev',
  DISPLAY: ':99',
  XDG_CONFIG_HOME: '/home/dev/.config',
  EVALLAB_HOME: '/home/dev/work/eval',
  ELECTRON_RUN_AS_NODE: '1',
  ELECTRON_RENDERER_URL: 'http://localhost:5173',
  NODE_OPTIONS: '--max-old-space-size=4096',
  OPENAI_API_KEY: undefined,
}

describe('isolate', () => {
  it('on Linux points appData at a temporary folder and expects userData inside it', () => {
    const isolation = isolate({ platform: 'linux', env: developer, temp })
    expect(isolation.env.XDG_CONFIG_HOME).toBe(join(temp, 'config'))
    expect(isolation.env.XDG_CACHE_HOME).toBe(join(temp, 'cache'))
    expect(isolation.expectedUserData).toBe(join(temp, 'config', 'Eval Lab'))
    expect(isolation.args).toEqual(['--password-store=basic'])
    // The display and the rest of the session pass through.
    expect(isolation.env).toMatchObject({ PATH: '/usr/bin', HOME: '/home/dev', DISPLAY: ':99' })
  })

  it('never passes a data folder, Electron-as-Node, a dev server or the runner’s Node options', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const { env } = isolate({ platform, env: developer, temp })
      for (const name of ['EVALLAB_HOME', 'ELECTRON_RUN_AS_NODE', 'ELECTRON_RENDERER_URL', 'NODE_OPTIONS']) {
        expect(env, `${platform} ${name}`).not.toHaveProperty(name)
      }
      expect(env).not.toHaveProperty('OPENAI_API_KEY')
    }
  })

  it('on macOS and Windows moves what the environment can move, and promises no userData path', () => {
    const mac = isolate({ platform: 'darwin', env: developer, temp })
    expect(mac.env).toMatchObject({ HOME: join(temp, 'home'), CFFIXED_USER_HOME: join(temp, 'home') })
    expect(mac.args).toEqual(['--use-mock-keychain'])
    expect(mac.expectedUserData).toBeUndefined()
    const windows = isolate({ platform: 'win32', env: developer, temp })
    expect(windows.env).toMatchObject({ APPDATA: join(temp, 'roaming'), LOCALAPPDATA: join(temp, 'local') })
    expect(windows.expectedUserData).toBeUndefined()
  })
})

describe('isolationRefusal', () => {
  it('lets Linux run anywhere and macOS and Windows only in CI', () => {
    expect(isolationRefusal('linux', {})).toBeUndefined()
    expect(isolationRefusal('darwin', { CI: 'true' })).toBeUndefined()
    expect(isolationRefusal('win32', { CI: '1' })).toBeUndefined()
    expect(isolationRefusal('darwin', {})).toContain('~/Library/Application Support')
    expect(isolationRefusal('win32', { CI: 'false' })).toContain('whatever APPDATA says')
  })

  it('reads CI as GitHub Actions and most runners set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true)
    for (const value of [undefined, '', '0', 'false']) expect(isCi({ CI: value })).toBe(false)
  })
})

describe('the names the smoke test checks', () => {
  it('are the app’s own: the workspace file and the user-data folder name', () => {
    expect(workspaceFileName).toBe(dbFileName)
    expect(basename(platformDataDir())).toBe(userDataFolderName)
  })
})
