import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface HostProcess {
  url: string
  home: string
  port: number
  /** The host process's id (it changes on `restart`): benchmarks read its memory from /proc. */
  readonly pid: number | undefined
  /** Stops the host and removes its data folder (unless the caller gave the folder). */
  stop(): Promise<void>
  /** Stops the host process only: the data folder stays, and `restart` starts it again. */
  halt(): Promise<void>
  /** Starts the host again on the same port, data folder and token: an open page can reconnect. */
  restart(): Promise<void>
}

const hostEntry = resolve(import.meta.dirname, '../../out/main/host.js')

export interface HostOptions {
  home?: string
  /** 0 (default) lets the host pick a free port. */
  port?: number
  /** The access token (EVALLAB_HOST_TOKEN); the host makes a new one per start when absent. */
  token?: string
  /** Start a new data folder empty (`--no-demo`) instead of seeding the demo workspace. */
  noDemo?: boolean
}

/** Starts the built Node host on a free port and its own data folder, as `npm run web` would. */
export async function startHostProcess(options: HostOptions = {}): Promise<HostProcess> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'evallab-e2e-'))
  const extraArgs = options.noDemo ? ['--no-demo'] : []
  let child = spawnHost(home, options.port ?? 0, options.token, extraArgs)
  const url = await readUrl(child)
  const port = Number(new URL(url).port)
  return {
    url,
    home,
    port,
    get pid() {
      return child.pid
    },
    stop: async () => {
      await stopChild(child)
      if (!options.home) rmSync(home, { recursive: true, force: true })
    },
    halt: () => stopChild(child),
    restart: async () => {
      await stopChild(child)
      child = spawnHost(home, port, new URL(url).searchParams.get('token') ?? undefined, extraArgs)
      await readUrl(child)
    },
  }
}

/** A token a host can be restarted with, so the page keeps working across the restart. */
export function stableToken(): string {
  return randomBytes(24).toString('base64url')
}

function spawnHost(
  home: string,
  port: number,
  token: string | undefined,
  extraArgs: readonly string[],
): ChildProcess {
  // The same heap cap as `npm run web` (scripts/web.mjs).
  const args = ['--max-old-space-size=1024', hostEntry, '--port', String(port), '--home', home, '--no-open']
  args.push(...extraArgs)
  return spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EVALLAB_HOME: '', EVALLAB_HOST_TOKEN: token ?? '' },
  })
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = ''
    let err = ''
    // A budget for a loaded machine (two workers, other processes): a quiet start takes about a second.
    const timer = setTimeout(() => reject(new Error(`Host did not start in 60 s.\n${out}\n${err}`)), 60_000)
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
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise())
    child.kill('SIGTERM')
  })
}
