import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

const bin = join(resolve(import.meta.dirname, '../..'), 'bin', 'evallab.mjs')

export interface BinResult {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the built `evallab` bin as CI would: a child process with this process's real environment plus
 * `env`. Asynchronous on purpose: the mock model servers live in this process and must keep answering.
 */
export function evallab(args: readonly string[], env: Record<string, string> = {}): Promise<BinResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, CI: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }))
  })
}

/** What a failed expectation shows: the command's whole output. */
export function transcript(result: BinResult): string {
  return `exit ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`
}
