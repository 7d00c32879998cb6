import { join } from 'node:path'
import { isolationRefusal } from './isolation'

/**
 * Where electron-builder leaves the unpacked app of each platform (package.json "build": productName
 * `Eval Lab`, Linux executableName `eval-lab`, output `dist/`). The first that exists is launched.
 */
export function packagedAppCandidates(platform: NodeJS.Platform, root: string): string[] {
  const dist = join(root, 'dist')
  const macApp = (folder: string) => join(dist, folder, 'Eval Lab.app', 'Contents', 'MacOS', 'Eval Lab')
  switch (platform) {
    case 'linux':
      return [join(dist, 'linux-unpacked', 'eval-lab'), join(dist, 'linux-arm64-unpacked', 'eval-lab')]
    case 'darwin':
      return [macApp('mac-universal'), macApp('mac-arm64'), macApp('mac')]
    case 'win32':
      return [join(dist, 'win-unpacked', 'Eval Lab.exe'), join(dist, 'win-arm64-unpacked', 'Eval Lab.exe')]
    default:
      return []
  }
}

/** What the search sees of the machine: injected so the decision is tested without files or env. */
export interface AppSearch {
  platform: NodeJS.Platform
  /** The repository root, the folder `dist/` is in. */
  root: string
  env: Readonly<Record<string, string | undefined>>
  /** True for an existing regular file. */
  isFile: (path: string) => boolean
  /** True when node_modules/electron holds a downloaded binary (its dist/ and path.txt). */
  electronBinaryInstalled: boolean
}

export type AppDecision =
  { kind: 'launch'; executable: string } | { kind: 'skip'; reason: string } | { kind: 'fail'; reason: string }

/** Set by the release workflow: a missing app there is a broken build, never a skip. */
export const requireVariable = 'EVALLAB_REQUIRE_PACKAGED_APP'
/** Points at a packaged executable anywhere, instead of the dist/ layouts. */
export const overrideVariable = 'EVALLAB_PACKAGED_APP'

/**
 * Launch the packaged app if there is one and its data can be kept apart from a developer's; otherwise
 * skip with the reason, or fail with it when the run requires the app. An override that names nothing
 * fails in any case: someone asked for that file.
 */
export function decidePackagedApp(search: AppSearch): AppDecision {
  const override = search.env[overrideVariable]?.trim()
  if (override && !search.isFile(override)) {
    return { kind: 'fail', reason: `${overrideVariable}=${override} is not a file.` }
  }
  const candidates = packagedAppCandidates(search.platform, search.root)
  const executable = override || candidates.find((path) => search.isFile(path))
  if (!executable) return notLaunched(search.env, missingAppReason(search, candidates))
  const refusal = isolationRefusal(search.platform, search.env)
  return refusal ? notLaunched(search.env, refusal) : { kind: 'launch', executable }
}

function notLaunched(env: AppSearch['env'], reason: string): AppDecision {
  return isRequired(env) ? { kind: 'fail', reason } : { kind: 'skip', reason }
}

export function isRequired(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env[requireVariable]?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== '0' && value !== 'false'
}

function missingAppReason(search: AppSearch, candidates: readonly string[]): string {
  if (candidates.length === 0) {
    return `No packaged app: electron-builder has no target for platform "${search.platform}" in this project.`
  }
  const looked = `No packaged app at ${candidates.join(' or ')} (nor ${overrideVariable}).`
  const why = search.electronBinaryInstalled
    ? 'Build one with `npm run build && npm run dist -- --dir`.'
    : 'The Electron binary is not installed here (node_modules/electron has no dist/ and no path.txt: its ' +
      'download is not reachable from this machine), so electron-builder cannot package the app; the ' +
      'release workflow builds and smoke-tests it on machines that can.'
  return `${looked} ${why}`
}
