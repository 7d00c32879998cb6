import { parseRateLimit, type RateLimitInfo } from './rate-limit-headers'
import type { CallLimits } from './types'

/**
 * One call's signal, watchdog and clock. Times are taken at the HTTP client (see `probeFetch`): `sent` when the
 * SDK hands the request to fetch, after any wait for a slot and after the SDK built the body, and every chunk
 * of the response as it arrives. So latency and time to first token are the server's and the network's, not
 * the time a call spent queued, and a server that goes silent is noticed whether or not a byte came first.
 */
export interface CallScope {
  signal: AbortSignal
  /** Why the watchdog cut the call, and at what limit; null while it has not. */
  readonly cut: { kind: 'idle' | 'request'; limitMs: number } | null
  /** Per-request fetch options that route this call's timings here (see `probeFetch`); opaque to callers. */
  readonly fetchOptions: object
  /** The whole-call limit as it stood when the call started (for the SDK's own timer, kept as a backstop). */
  readonly requestLimitMs: number
  /** Milliseconds since the request was sent (since the scope opened until then). */
  elapsed(): number
  /** Records the first content delta once; later calls are ignored. */
  markFirstToken(): void
  firstTokenMs(): number | null
  /** The longest time without a byte from the server, counted from when the request was sent. */
  longestSilenceMs(): number
  rateLimit(): RateLimitInfo | undefined
  dispose(): void
}

export interface CallScopeOptions {
  outer?: AbortSignal
  /** An explicit whole-call limit; wins over `limits.requestMs()`. */
  timeoutMs?: number
  limits?: CallLimits
  now?: () => number
}

/** Without limits or an explicit timeout a call may still not hang forever. */
export const FALLBACK_REQUEST_MS = 600_000
/** The watchdog looks again at least this often, so a limit learned meanwhile applies to calls in flight. */
const RECHECK_MS = 500

interface Probe {
  sent(): void
  bytes(): void
  headers(headers: Headers): void
}

const PROBE = 'evallabProbe'

type Chunks = AsyncIterator<Uint8Array>

/** An iterator that tells the probe about every chunk it yields. */
function tapped(inner: Chunks, probe: Probe): AsyncIterableIterator<Uint8Array> {
  const it: AsyncIterableIterator<Uint8Array> = {
    next: async () => {
      const result = await inner.next()
      if (!result.done) probe.bytes()
      return result
    },
    return: async (value?: unknown) => (await inner.return?.(value)) ?? { done: true, value: undefined },
    [Symbol.asyncIterator]: () => it,
  }
  return it
}

/**
 * Watches the response body without copying it into a new stream (a second ReadableStream per call costs more
 * than the rest of this file): both SDKs read the body through its async iterator, which is wrapped on this one
 * instance; a reader taken with getReader() is wrapped as well, so any other way of reading is watched too.
 */
function tapBody(body: ReadableStream<Uint8Array>, probe: Probe): void {
  const stream = body as ReadableStream<Uint8Array> & { [Symbol.asyncIterator](): Chunks }
  const iterate = stream[Symbol.asyncIterator].bind(stream)
  const getReader = stream.getReader.bind(stream) as () => ReadableStreamDefaultReader<Uint8Array>
  Object.defineProperty(stream, Symbol.asyncIterator, { value: () => tapped(iterate(), probe) })
  Object.defineProperty(stream, 'getReader', {
    value: () => {
      const reader = getReader()
      const read = reader.read.bind(reader)
      reader.read = async () => {
        const result = await read()
        if (!result.done) probe.bytes()
        return result
      }
      return reader
    },
  })
}

/**
 * The `fetch` both SDK clients are built with. A call made through a scope carries it in its fetch options;
 * other requests (none today) pass straight through. The marker is removed before the real fetch sees it.
 */
export async function probeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const probe = (init as Record<string, unknown> | undefined)?.[PROBE] as Probe | undefined
  if (!probe || !init) return globalThis.fetch(input, init)
  const rest: Record<string, unknown> = { ...init }
  delete rest[PROBE]
  probe.sent()
  const response = await globalThis.fetch(input, rest)
  probe.headers(response.headers)
  if (response.body) tapBody(response.body, probe)
  return response
}

/** One call's clock and watchdog; it is also the probe `probeFetch` reports the request's timings to. */
class Scope implements CallScope, Probe {
  readonly signal: AbortSignal
  readonly fetchOptions: object
  readonly requestLimitMs: number
  cut: CallScope['cut'] = null
  private readonly controller = new AbortController()
  private readonly now: () => number
  private readonly startedAt: number
  private sentAt: number
  private lastByteAt: number
  private silence = 0
  private firstToken: number | null = null
  private budget: RateLimitInfo | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly onOuterAbort = (): void => this.controller.abort(this.options.outer?.reason)

  constructor(private readonly options: CallScopeOptions) {
    this.now = options.now ?? (() => performance.now())
    this.signal = this.controller.signal
    this.fetchOptions = { [PROBE]: this }
    this.startedAt = this.sentAt = this.lastByteAt = this.now()
    const { outer } = options
    if (outer?.aborted) this.onOuterAbort()
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true })
    this.requestLimitMs = this.requestLimit()
    this.schedule(Math.min(this.idleLimit(), this.requestLimitMs, RECHECK_MS))
  }

  private requestLimit(): number {
    return this.options.timeoutMs ?? this.options.limits?.requestMs() ?? FALLBACK_REQUEST_MS
  }

  private idleLimit(): number {
    return this.options.limits?.idleMs() ?? Number.POSITIVE_INFINITY
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.check(), Math.max(1, ms))
  }

  /** Cuts the call when it was silent or ran too long; else looks again at the next deadline or soon. */
  private check(): void {
    const t = this.now()
    const idle = this.idleLimit()
    const request = this.requestLimit()
    if (t - this.lastByteAt >= idle) this.cut = { kind: 'idle', limitMs: idle }
    else if (t - this.startedAt >= request) this.cut = { kind: 'request', limitMs: request }
    if (this.cut) return this.controller.abort(new Error(`${this.cut.kind} timeout`))
    this.schedule(Math.min(this.lastByteAt + idle, this.startedAt + request, t + RECHECK_MS) - t)
  }

  sent(): void {
    this.sentAt = this.lastByteAt = this.now()
  }

  bytes(): void {
    const t = this.now()
    if (t - this.lastByteAt > this.silence) this.silence = t - this.lastByteAt
    this.lastByteAt = t
  }

  headers(headers: Headers): void {
    this.bytes()
    this.budget = parseRateLimit(headers)
  }

  elapsed(): number {
    return this.now() - this.sentAt
  }

  markFirstToken(): void {
    if (this.firstToken === null) this.firstToken = this.now() - this.sentAt
  }

  firstTokenMs(): number | null {
    return this.firstToken
  }

  longestSilenceMs(): number {
    return this.silence
  }

  rateLimit(): RateLimitInfo | undefined {
    return this.budget
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.options.outer?.removeEventListener('abort', this.onOuterAbort)
  }
}

export function openCallScope(options: CallScopeOptions = {}): CallScope {
  return new Scope(options)
}

/** A call's scope options from its request: the caller's signal, explicit timeout and provider limits. */
export function scopeOptions(
  request: { signal?: AbortSignal; timeoutMs?: number; limits?: CallLimits },
  now?: () => number,
): CallScopeOptions {
  return {
    ...(request.signal ? { outer: request.signal } : {}),
    ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
    ...(request.limits ? { limits: request.limits } : {}),
    ...(now ? { now } : {}),
  }
}

/** Completes an answer with the scope's timings (from when it was sent) and the announced request budget. */
export function withTimings<T extends object>(
  answer: T,
  scope: CallScope,
): T & { ttftMs: number | null; totalMs: number; rateLimit?: RateLimitInfo } {
  const rateLimit = scope.rateLimit()
  return {
    ...answer,
    ttftMs: scope.firstTokenMs(),
    totalMs: scope.elapsed(),
    ...(rateLimit ? { rateLimit } : {}),
  }
}
