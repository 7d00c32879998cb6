// `npm run web`: build the app when the sources are newer than the build, then serve it to a browser
// from the Node host. Arguments pass through: --port N, --home DIR, --no-open.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const outputs = ['out/main/host.js', 'out/renderer/index.html'].map((p) => join(root, p))
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

if (needsBuild()) {
  console.log('Building Eval Lab (sources changed since the last build)…')
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  if (build.status !== 0) {
    console.error('The build failed; see the errors above.')
    process.exit(build.status ?? 1)
  }
}

const host = spawn(process.execPath, [join(root, 'out/main/host.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
})
const forward = (signal) => host.kill(signal)
process.on('SIGINT', forward)
process.on('SIGTERM', forward)
host.on('exit', (code) => process.exit(code ?? 0))
