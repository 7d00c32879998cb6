import { join } from 'node:path'

/** electron/main/index.ts: userData is appData/'Eval Lab'; the workspace file is core/workspace/open.ts's. */
export const userDataFolderName = 'Eval Lab'
export const workspaceFileName = 'evallab.db'

export interface Isolation {
  /** The environment the app starts with: the caller's, minus what would point it at other data. */
  env: Record<string, string>
  /** Chromium switches that keep the app away from the OS keyring (no key is stored in this test). */
  args: string[]
  /** Where app.getPath('userData') must be, when the platform lets the environment decide it. */
  expectedUserData: string | undefined
}

/**
 * Variables never passed on: a data folder chosen for another run (the test checks the default one),
 * the switch that would start Electron as plain Node, and options meant for the test runner's Node.
 */
const droppedVariables = new Set([
  'EVALLAB_HOME',
  'ELECTRON_RUN_AS_NODE',
  'ELECTRON_RENDERER_URL',
  'NODE_OPTIONS',
])

/**
 * A user-data location inside `temp`, so the app never opens a developer's workspace or keyring.
 * Linux: Electron's appData is XDG_CONFIG_HOME (the cache goes to XDG_CACHE_HOME), an exact isolation.
 * macOS: appData is ~/Library/Application Support from Foundation, which follows HOME and
 * CFFIXED_USER_HOME as far as we know, but that is not checked here; Windows: appData comes from the
 * shell's known folder, not from APPDATA. So these two run only where isolationRefusal allows (CI).
 */
export function isolate(options: {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  temp: string
}): Isolation {
  const { platform, temp } = options
  const env = passedEnvironment(options.env)
  if (platform === 'linux') {
    // HOME stays: a desktop session's X authority may live there, and the app keeps nothing in it.
    const config = join(temp, 'config')
    Object.assign(env, { XDG_CONFIG_HOME: config, XDG_CACHE_HOME: join(temp, 'cache') })
    return { env, args: ['--password-store=basic'], expectedUserData: join(config, userDataFolderName) }
  }
  if (platform === 'darwin') {
    const home = join(temp, 'home')
    Object.assign(env, { HOME: home, CFFIXED_USER_HOME: home })
    return { env, args: ['--use-mock-keychain'], expectedUserData: undefined }
  }
  if (platform === 'win32') {
    Object.assign(env, { APPDATA: join(temp, 'roaming'), LOCALAPPDATA: join(temp, 'local') })
  }
  return { env, args: [], expectedUserData: undefined }
}

/**
 * Why the app must not be launched here, or undefined. Only Linux lets the test choose the user-data
 * folder; elsewhere the app would open the real one, acceptable only on a throw-away CI runner.
 */
export function isolationRefusal(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (platform === 'linux' || isCi(env)) return undefined
  return refusal(platform)
}

export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== '0' && value !== 'false'
}

function refusal(platform: NodeJS.Platform): string {
  const where =
    platform === 'darwin'
      ? 'on macOS Electron takes it from ~/Library/Application Support'
      : platform === 'win32'
        ? 'on Windows Electron takes it from the Roaming AppData known folder, whatever APPDATA says'
        : `on ${platform} the location is not known to this test`
  return (
    `Not launched: the packaged app opens its workspace in the user-data folder, and ${where}, ` +
    'so a temporary folder cannot be forced and a developer workspace could be opened. ' +
    'It runs in CI (CI=true), on a throw-away runner.'
  )
}

function passedEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const passed: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !droppedVariables.has(name)) passed[name] = value
  }
  return passed
}
