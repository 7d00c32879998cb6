import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * Vitest global setup: the CLI spawn tests run bin/evallab.mjs on the built out/main/cli.js, as users do.
 * When the build is missing or older than a source it depends on, this builds it once before any test
 * file starts (a few seconds); a failed build fails the whole run loudly instead of skipping the tests.
 */
const root = resolve(import.meta.dirname, '../../..')
// The code scorer worker too: core.js loads it from beside itself, and a build without it scores nothing.
const outputs = ['out/main/cli.js', 'out/main/core.js', 'out/main/code-sandbox-worker.js'].map((p) =>
  join(root, p),
)
const inputs = ['electron', 'shared', 'resources', 'bin', 'electron.vite.config.ts', 'package.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0)
}

function staleBuild(): boolean {
  if (!outputs.every((p) => existsSync(p))) return true
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  return inputs.some((p) => newestMtime(join(root, p)) > built)
}

export default function ensureBuiltCli(): void {
  if (!staleBuild()) return
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    { cwd: root, encoding: 'utf8' },
  )
  if (build.status !== 0 || !outputs.every((p) => existsSync(p))) {
    throw new Error(
      `electron-vite build failed (exit ${build.status}); the CLI spawn tests need out/main/cli.js:\n${build.stderr}`,
    )
  }
}
