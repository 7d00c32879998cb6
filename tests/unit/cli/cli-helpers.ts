import { createHash } from 'node:crypto'
import { main, type CliIo } from '../../../electron/main/cli'
import type { MockChatRequest } from '../../fixtures/mock-llm/types'

export { buildSignedBaseline, type BaselineOptions } from './signed-baseline'

export interface Captured {
  io: CliIo
  out: () => string
  err: () => string
}

/** An io whose output the test reads back; not a terminal, not CI unless the env says so. */
export function captureIo(env: Record<string, string | undefined> = {}, isTTY = false): Captured {
  let out = ''
  let err = ''
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env, isTTY },
    out: () => out,
    err: () => err,
  }
}

export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = {},
): Promise<{
  code: number
  out: string
  err: string
}> {
  const captured = captureIo(env)
  const code = await main(argv, captured.io)
  return { code, out: captured.out(), err: captured.err() }
}

/**
 * triage-good answers every ticket correctly; triage-bad answers invalid JSON for every fourth case
 * (deterministic by the ticket number), so its format pass rate is 75 %.
 */
export function triageResponder(request: MockChatRequest): string {
  const text = request.messages.map((m) => m.text).join('\n')
  const match = /ticket (\d+): a (\w+) problem/.exec(text)
  const n = Number(match?.[1] ?? 0)
  const category = match?.[2] ?? 'bug'
  if (request.model === 'triage-bad' && n % 4 === 1) return `{"category": "${category}", "priority": `
  return JSON.stringify({ category, priority: 'high' })
}

export function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
