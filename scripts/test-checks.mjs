// `npm test`'s first phase: the typecheck, the lint and the build, run side by side. Each is one
// single-threaded process (tsc, typed eslint, prettier, electron-vite), so in a row they leave a core idle;
// two at a time (one per core on the 2-core reference machine) they take the longest one's time, not the sum.
// The commands are those of the `typecheck` and `lint` scripts, so those stay the one place they are written.
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { root } from './build-if-stale.mjs'

const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const steps = (name) => scripts[name].split(' && ').map((command) => command.trim())
/** Where the lint script's eslint lints `.`, two runs of about equal length: the renderer, and the rest. */
const rendererFolders = ['renderer', 'tests/renderer']

/**
 * Typed eslint alone took longer than all the other checks together on one core (115 s against 80 s in a
 * fresh clone), leaving the second core idle at the end. Its two halves take about the same time as the
 * whole (38 s + 34 s against 77 s, uncached), so run as two they balance the lanes. Each half keeps a cache
 * of its own: two processes writing one cache file would overwrite each other's entries.
 */
function splitEslint(command) {
  const match = /^(eslint .*--cache-location )(\S+?)\/? \.$/.exec(command)
  if (!match) return [command]
  const [, options, cache] = match
  const ignored = rendererFolders.map((folder) => `--ignore-pattern '${folder}/**'`).join(' ')
  return [
    `${options}${cache}-renderer/ ${rendererFolders.join(' ')}`,
    `${options}${cache}-rest/ ${ignored} .`,
  ]
}

// Longest first (the eslint halves), so the shorter ones fill the lanes after them. The build is the one
// the unit tests' global setup and the e2e tests would otherwise make.
const commands = [...steps('lint'), ...steps('typecheck'), 'electron-vite build']
  .flatMap((command) => (command.startsWith('eslint') ? splitEslint(command) : [command]))
  .map((command, order) => ({ command, order: command.startsWith('eslint') ? -1 : order }))
  .sort((a, b) => a.order - b.order)
  .map(({ command }) => command)
const slots = Math.max(2, availableParallelism())

// As `npm run` would (the script also runs on its own): the project's bins first.
const env = { ...process.env, PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) }

/** Runs one command in a shell; its output is printed when it ends, so two commands' lines never mix. */
function run(command) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: root, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const ok = code === 0
      console.log(`${ok ? '✓' : '✗'} ${command} (${seconds} s${ok ? '' : `, exit ${code ?? signal}`})`)
      // electron-vite lists every file it wrote: only a failure's output is worth reading there.
      if (output.trim() && (!ok || !command.startsWith('electron-vite'))) console.log(output.trimEnd())
      resolve(ok)
    })
  })
}

const queue = [...commands]
const lanes = Array.from({ length: Math.min(slots, queue.length) }, async () => {
  let ok = true
  for (let command = queue.shift(); command !== undefined; command = queue.shift()) {
    ok = (await run(command)) && ok
  }
  return ok
})
const results = await Promise.all(lanes)
if (results.includes(false)) {
  console.error('Checks failed: see the output above.')
  process.exit(1)
}
