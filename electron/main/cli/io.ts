/** What a command may touch of its process, so tests run the CLI in-process with captured output. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Record<string, string | undefined>
  /** Whether stderr is a terminal: a redrawn progress bar there, plain lines in logs and CI. */
  isTTY: boolean
}

/**
 * Exit codes every command shares; gate adds 2 for an inconclusive verdict. 4 is a bug of evallab itself,
 * so a CI job can tell a crash from a misconfigured job (3) and from a failing gate (1).
 */
export const exitCodes = { ok: 0, failed: 1, inconclusive: 2, usage: 3, internal: 4 } as const

/** Bad flags or arguments, a missing file: exit 3 with the message (it names the flag, file or field). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export function line(write: (text: string) => void, text = ''): void {
  write(`${text}\n`)
}

/** --help: the usage on stdout, exit 0. */
export function printUsage(io: CliIo, usage: string): number {
  line(io.stdout, usage)
  return exitCodes.ok
}
