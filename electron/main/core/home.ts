import { homedir } from 'node:os'
import { join } from 'node:path'

/** The data folder: `--home DIR` beats EVALLAB_HOME beats the platform default the caller passes. */
export function resolveHome(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platformDefault: string,
): string {
  const flag = readFlag(argv, '--home')
  if (flag) return flag
  const fromEnv = env.EVALLAB_HOME?.trim()
  if (fromEnv) return fromEnv
  return platformDefault
}

export function readFlag(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === name) return argv[i + 1]
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1)
  }
  return undefined
}

/** Where Electron's app.getPath('userData') points for this app, so browser mode opens the same workspace. */
export function platformDataDir(appName = 'Eval Lab'): string {
  const home = homedir()
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), appName)
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', appName)
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), appName)
}
