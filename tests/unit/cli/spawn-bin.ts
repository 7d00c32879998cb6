import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'

/** The package's bin, as `npm link` puts it on a user's path; it loads the built out/main/cli.js. */
export const binPath = resolve(import.meta.dirname, '../../../bin/evallab.mjs')
const builtCli = resolve(import.meta.dirname, '../../../out/main/cli.js')
/** A spawned command that never ends is killed after this long, so a hang fails the test with its output. */
const killAfterMs = 60_000

export interface Spawned {
  code: number | null
  stdout: string
  stderr: string
}

/** Variables of the developer's shell that would change what the CLI resolves; tests give their own. */
const providerVar = /^(EVALLAB_|OPENAI_|ANTHROPIC_)/
/** npm's own, when the tests run under `npm test`: a spawned npm would take the repo for its project. */
const npmVar = /^(npm_|INIT_CWD$)/

/**
 * The environment of a spawned CLI: this process's (so PATH, HOME and the like are real), without any
 * provider variables of the shell running the tests, plus the test's own. The child reads it as its real
 * `process.env`, which is not a plain object: that is the point of spawning.
 */
function childEnv(vars: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !providerVar.test(name) && !npmVar.test(name)) env[name] = value
  }
  return { ...env, CI: '1', ...vars }
}

/**
 * Runs `node bin/evallab.mjs ...args` in a child process and resolves with its exit code and output.
 * Asynchronous on purpose: the mock LLM server the CLI calls runs in this process's event loop.
 */
export function spawnEvallab(args: readonly string[], vars: Record<string, string> = {}): Promise<Spawned> {
  // The global setup builds it; a missing build here must fail loudly, never skip.
  if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run npx electron-vite build`)
  return spawnCommand(process.execPath, [binPath, ...args], { vars })
}

/**
 * Runs any command as spawnEvallab runs the repo's bin (the same environment, the same kill timer): an
 * installed `evallab`, for one. `cwd` defaults to the temp folder, away from the repo.
 */
export function spawnCommand(
  command: string,
  args: readonly string[],
  options: { vars?: Record<string, string>; cwd?: string; killAfterMs?: number } = {},
): Promise<Spawned> {
  const killAfter = options.killAfterMs ?? killAfterMs
  return new Promise((resolvePromise, reject) => {
    const env = childEnv(options.vars ?? {})
    const child = spawn(command, args, { cwd: options.cwd ?? tmpdir(), env })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${command} ${args.join(' ')} did not end in ${killAfter} ms\n${stdout}\n${stderr}`))
    }, killAfter)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, stdout, stderr })
    })
  })
}

/** What a test prints when an exit code is not the one expected: the child's whole output. */
export function described(result: Spawned): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`
}
