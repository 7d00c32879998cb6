// Builds the app with electron-vite when any source is newer than the build. Used by `npm run web` and
// `npm run bench`, which both run the built code (what users run), not the TypeScript sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = dirname(dirname(fileURLToPath(import.meta.url)))
const outputs = ['out/main/host.js', 'out/main/core.js', 'out/renderer/index.html'].map((p) => join(root, p))
const inputs = ['electron', 'renderer', 'shared', 'resources', 'electron.vite.config.ts', 'package.json']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0)
}

function needsBuild() {
  if (!outputs.every((p) => existsSync(p))) return true
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  return inputs.some((p) => newestMtime(join(root, p)) > built)
}

/** Exits the process when the build fails: nothing after it can run without one. */
export function buildIfStale() {
  if (!needsBuild()) return
  console.log('Building Eval Lab (sources changed since the last build)…')
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  if (build.status !== 0) {
    console.error('The build failed; see the errors above.')
    process.exit(build.status ?? 1)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale()
