import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface HostProcess {
  url: string
  home: string
  stop(): Promise<void>
}

const hostEntry = resolve(import.meta.dirname, '../../out/main/host.js')

/** Starts the built Node host on a free port and its own data folder, as `npm run web` would. */
export async function startHostProcess(options: { home?: string } = {}): Promise<HostProcess> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'evallab-e2e-'))
  // The same heap cap as `npm run web` (scripts/web.mjs).
  const args = ['--max-old-space-size=1024', hostEntry, '--port', '0', '--home', home, '--no-open']
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EVALLAB_HOME: '' },
  })
  const url = await readUrl(child)
  return {
    url,
    home,
    stop: async () => {
      await stopChild(child)
      if (!options.home) rmSync(home, { recursive: true, force: true })
    },
  }
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`Host did not start in 20 s.\n${out}\n${err}`)), 20_000)
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /Eval Lab is running at (\S+)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolvePromise(match[1])
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Host exited with ${code}.\n${out}\n${err}`))
    })
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise())
    child.kill('SIGTERM')
  })
}
