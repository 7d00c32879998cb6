import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { described, spawnCommand, type Spawned } from '../spawn-bin'
import type { PrebuildMirror } from './prebuild-mirror'

const root = resolve(import.meta.dirname, '../../../..')
/** npm install may fall back to compiling better-sqlite3 (about a minute here): let it, then say so. */
const installKillAfterMs = 240_000

function succeeded(what: string, result: Spawned): Spawned {
  if (result.code !== 0) throw new Error(`${what} failed: ${described(result)}`)
  return result
}

/**
 * `node scripts/pack-cli.mjs --no-build` into `work`: the package folder and its tarball stay out of the
 * repo, and out/ is packed as the checks phase built it. Returns the tarball's path (its last line).
 */
export async function packCli(work: string): Promise<{ tarball: string; staging: string }> {
  const staging = join(work, 'cli-package')
  const args = ['scripts/pack-cli.mjs', '--no-build', '--staging', staging, '--pack-destination', work]
  const packed = succeeded('pack-cli', await spawnCommand(process.execPath, args, { cwd: root }))
  const tarball = packed.stdout.trimEnd().split('\n').at(-1) ?? ''
  if (!existsSync(tarball)) throw new Error(`pack-cli's last line is not a tarball: ${described(packed)}`)
  return { tarball, staging }
}

/** The machine's npm cache, where prebuild-install keeps what it downloads (`<cache>/_prebuilds`). */
async function prebuildCache(): Promise<string> {
  const cache = succeeded('npm config get cache', await spawnCommand('npm', ['config', 'get', 'cache']))
  return join(cache.stdout.trim(), '_prebuilds')
}

const listed = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : [])

/**
 * `npm install <tarball>` in `folder`, an empty folder, with the machine's npm cache (packages it holds
 * are not fetched again: --prefer-offline) and better-sqlite3's binary host pointed at the mirror.
 * prebuild-install keeps each download in the npm cache under a name made from its URL, which holds the
 * mirror's one-off port: that copy is removed again, so test runs do not pile them up.
 */
export async function npmInstall(tarball: string, folder: string, mirror: PrebuildMirror): Promise<Spawned> {
  const cache = await prebuildCache()
  const before = new Set(listed(cache))
  try {
    const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]
    const vars = { npm_config_better_sqlite3_binary_host: mirror.url }
    const killAfterMs = installKillAfterMs
    return succeeded('npm install', await spawnCommand('npm', args, { cwd: folder, vars, killAfterMs }))
  } finally {
    for (const name of listed(cache)) {
      if (!before.has(name) && name.endsWith(mirror.tarball)) rmSync(join(cache, name), { force: true })
    }
  }
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function filesUnder(dir: string): string[] {
  const found = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
  return found.sort()
}

/** Every installed package folder's name (`react`, `@monaco-editor/react`), nested ones included. */
export function installedPackages(nodeModules: string): Set<string> {
  const names = new Set<string>()
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue
    const scoped = entry.name.startsWith('@')
    const dirs = scoped
      ? readdirSync(join(nodeModules, entry.name)).map((n) => `${entry.name}/${n}`)
      : [entry.name]
    for (const name of dirs) {
      names.add(name)
      const nested = join(nodeModules, name, 'node_modules')
      if (existsSync(nested)) for (const inner of installedPackages(nested)) names.add(inner)
    }
  }
  return names
}
