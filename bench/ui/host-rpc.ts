/**
 * The host's HTTP API as the browser uses it (POST /rpc with the start's token), and a pinger that calls a
 * cheap method every 100 ms while the core works: its slowest reply is the longest stall the core's event
 * loop had, as any other client (a second tab, the CLI) would feel it.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

export interface Rpc {
  call<T>(method: string, input: unknown, timeoutMs?: number): Promise<T>
}

export function rpcClient(hostUrl: string): Rpc {
  const url = new URL(hostUrl)
  const endpoint = new URL('/rpc', url)
  const token = url.searchParams.get('token') ?? ''
  return {
    async call<T>(method: string, input: unknown, timeoutMs = 600_000): Promise<T> {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, input }),
        signal: AbortSignal.timeout(timeoutMs),
      })
      const body = (await response.json()) as {
        ok: boolean
        value?: T
        error?: { code: string; message: string }
      }
      if (!body.ok) throw new Error(`${method}: ${body.error?.code ?? '?'} ${body.error?.message ?? ''}`)
      return body.value as T
    },
  }
}

/** What the pinger saw in one phase (start, run, score). */
export interface StallFigures {
  pings: number
  maxReplyMs: number
  /** Replies slower than 100 ms. */
  slowReplies: number
  /** Pings that failed (connection reset, refused, timed out) with the first error's text. */
  errors: number
  firstError: string | null
}

const SLOW_MS = 100
const PING_EVERY_MS = 100
/** A ping unanswered for this long counts as failed (and as a stall of this length). */
const PING_TIMEOUT_MS = 300_000

/**
 * Calls `prices.list` (a read of a small table, cheap on any workspace size) every 100 ms, one at a time on
 * one kept-alive connection, as a client polling the app would: the next ping goes 100 ms after the last one
 * was sent, or as soon as its reply came back when that took longer. A stall then shows as one slow reply
 * (its length, not a pile of queued pings that would themselves load the host), and a connection the host
 * drops or resets shows as an error.
 */
export function startPinger(rpc: Rpc) {
  let phase: StallFigures = fresh()
  let stopped = false
  let inFlight: Promise<void> = Promise.resolve()
  const ping = async (into: StallFigures): Promise<void> => {
    const sent = performance.now()
    try {
      await rpc.call('prices.list', {}, PING_TIMEOUT_MS)
    } catch (error) {
      into.errors++
      into.firstError ??= error instanceof Error ? `${error.message} ${causeOf(error)}`.trim() : String(error)
    }
    record(into, performance.now() - sent)
  }
  const loop = async (): Promise<void> => {
    while (!stopped) {
      const sent = performance.now()
      inFlight = ping(phase)
      await inFlight
      const wait = PING_EVERY_MS - (performance.now() - sent)
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
  const running = loop()
  return {
    /** Ends the current phase (once its ping has come back: a stall counts where it began) and starts the next. */
    async next(): Promise<StallFigures> {
      const ended = phase
      phase = fresh()
      await inFlight
      return ended
    },
    async stop(): Promise<StallFigures> {
      stopped = true
      await running
      return phase
    },
  }
}

function fresh(): StallFigures {
  return { pings: 0, maxReplyMs: 0, slowReplies: 0, errors: 0, firstError: null }
}

function record(into: StallFigures, ms: number): void {
  into.pings++
  into.maxReplyMs = Math.max(into.maxReplyMs, Math.round(ms))
  if (ms > SLOW_MS) into.slowReplies++
}

/** Peak and current resident set of a process, from the kernel (VmHWM is the high-water mark). */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0)
    return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) }
  } catch {
    return null
  }
}

/** fetch's "fetch failed" says why only in its cause (ECONNRESET, ECONNREFUSED …). */
function causeOf(error: Error): string {
  const cause = error.cause
  if (cause instanceof Error) return `(${'code' in cause ? String(cause.code) : ''} ${cause.message})`
  return ''
}
