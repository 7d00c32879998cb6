import type { TargetPlatform } from './signing'

/** What `npm run dist -- <flags>` asks for. */
export interface DistRequest {
  /** Empty: the platform this machine runs, as electron-builder does. */
  platforms: TargetPlatform[]
  /** `--dir`: an unpacked app (dist/<platform>-unpacked) instead of installers. */
  dir: boolean
}

const PLATFORM_FLAGS: Record<string, TargetPlatform> = { '--mac': 'mac', '--win': 'win', '--linux': 'linux' }

export class DistArgsError extends Error {}

/** Parses the flags after `npm run dist --`; anything else is refused, never passed on silently. */
export function parseDistArgs(args: readonly string[]): DistRequest {
  const request: DistRequest = { platforms: [], dir: false }
  for (const arg of args) {
    const platform = PLATFORM_FLAGS[arg]
    if (platform) {
      if (!request.platforms.includes(platform)) request.platforms.push(platform)
    } else if (arg === '--dir') {
      request.dir = true
    } else {
      throw new DistArgsError(`unknown option "${arg}": use --mac, --win, --linux and/or --dir`)
    }
  }
  return request
}

/** The platform electron-builder packages when none is named: the one this machine runs. */
export function hostTarget(hostPlatform: string): TargetPlatform {
  if (hostPlatform === 'darwin') return 'mac'
  if (hostPlatform === 'win32') return 'win'
  return 'linux'
}
