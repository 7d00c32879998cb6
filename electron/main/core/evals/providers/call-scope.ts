/**
 * One call's signal, whole-call timer and clock. The SDKs' own `timeout` stops at the response headers, so
 * a stream that stalls halfway would otherwise hang forever; this timer covers the body too.
 */
export interface CallScope {
  signal: AbortSignal
  readonly timedOut: boolean
  /** Milliseconds since the scope started. */
  elapsed(): number
  /** Records the first content delta once; later calls are ignored. */
  markFirstToken(): void
  firstTokenMs(): number | null
  dispose(): void
}

export function openCallScope(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  now: () => number = () => performance.now(),
): CallScope {
  const startedAt = now()
  const controller = new AbortController()
  let timedOut = false
  let firstToken: number | null = null
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new Error('timeout'))
  }, timeoutMs)
  const onOuterAbort = (): void => controller.abort(outer?.reason)
  if (outer?.aborted) onOuterAbort()
  else outer?.addEventListener('abort', onOuterAbort, { once: true })
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut
    },
    elapsed: () => now() - startedAt,
    markFirstToken: () => {
      if (firstToken === null) firstToken = now() - startedAt
    },
    firstTokenMs: () => firstToken,
    dispose: () => {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onOuterAbort)
    },
  }
}
