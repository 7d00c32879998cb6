import { connected, type ConnectionListener, type ConnectionSource, type ConnectionState } from './connection'

/** What a probe of the host found: it answers, it refuses this page's token, or nothing answers. */
export type ProbeResult = 'up' | 'refused' | 'down'

export interface EventStreamOptions {
  url: string
  EventSource: typeof EventSource
  /** Asks the host whether it is there (one cheap call); decides whether to open the stream again. */
  probe: () => Promise<ProbeResult>
  /** Wait before attempt `n` (from 1) after the stream or a call was lost. */
  delayMs?: (attempt: number) => number
  now?: () => number
}

export interface EventStream extends ConnectionSource {
  /** Calls `handler` with the data of every `name` event, across reconnects. Returns an unsubscribe. */
  listen(name: string, handler: (data: string) => void): () => void
  /** A call could not reach the host: the stream is treated as lost too (events may have been missed). */
  lost(): void
  /** A call was answered: if the stream is down, the host is back, so try now rather than after the wait. */
  alive(): void
}

/** 0.5 s, 1 s, 2 s, 4 s, then every 5 s: quick when the host restarts, quiet when it is gone for a while. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(500 * 2 ** (Math.max(attempt, 1) - 1), 5000)
}

const refusedMessage =
  'The Eval Lab host no longer accepts this page: it was restarted with a new access token. ' +
  'Open the address it printed (it ends in ?token=…).'

/**
 * One EventSource for every named event, which Eval Lab reopens itself: the browser's own retry gives up on
 * an error answer and says nothing to the app. States: connected → (error or failed call) reconnecting →
 * probe after a backoff → open the stream again → connected; a host that refuses the token ends in refused.
 */
export function createEventStream(options: EventStreamOptions): EventStream {
  const delayMs = options.delayMs ?? reconnectDelayMs
  const now = options.now ?? Date.now
  const handlers = new Map<string, Set<(data: string) => void>>()
  const listeners = new Set<ConnectionListener>()
  let state: ConnectionState = connected
  let source: EventSource | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let probing = false

  function setState(next: ConnectionState): void {
    const previous = state
    state = next
    for (const listener of [...listeners]) listener(next, previous)
  }

  function open(): void {
    const es = new options.EventSource(options.url)
    source = es
    for (const name of handlers.keys()) bind(es, name)
    es.addEventListener('open', () => {
      if (source === es && state.status !== 'connected') setState(connected)
    })
    es.addEventListener('error', () => {
      if (source === es) lose()
    })
  }

  function bind(es: EventSource, name: string): void {
    es.addEventListener(name, (message) => {
      if (source !== es) return
      const data = (message as MessageEvent<string>).data
      for (const handler of [...(handlers.get(name) ?? [])]) handler(data)
    })
  }

  function closeSource(): void {
    source?.close()
    source = null
  }

  /** The stream (or a call) broke: close it, and from connected start counting attempts. */
  function lose(): void {
    closeSource()
    if (state.status === 'refused') return
    if (state.status === 'connected') setState({ status: 'reconnecting', attempt: 0, since: now() })
    schedule()
  }

  /** Someone listens to events or to the connection: only then is it worth trying again. */
  const wanted = () => listeners.size > 0 || [...handlers.values()].some((set) => set.size > 0)

  function schedule(): void {
    if (timer !== undefined || probing || state.status !== 'reconnecting' || !wanted()) return
    timer = setTimeout(
      () => {
        timer = undefined
        void attempt()
      },
      delayMs(state.attempt + 1),
    )
  }

  async function attempt(): Promise<void> {
    if (probing || state.status === 'connected') return
    probing = true
    const found = await options.probe().catch((): ProbeResult => 'down')
    probing = false
    // The state may have moved while the probe was out (a stream opened by retryNow, say).
    if ((state as ConnectionState).status === 'connected') return
    if (found === 'refused') return setState({ status: 'refused', message: refusedMessage })
    const since = state.status === 'reconnecting' ? state.since : now()
    setState({
      status: 'reconnecting',
      attempt: state.status === 'reconnecting' ? state.attempt + 1 : 1,
      since,
    })
    // The host answers: the stream's open event says connected; its error comes back to lose().
    if (found === 'up') open()
    else schedule()
  }

  function retryNow(): void {
    if (state.status === 'connected') return
    clearTimeout(timer)
    timer = undefined
    closeSource()
    void attempt()
  }

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    retryNow,
    listen(name, handler) {
      let set = handlers.get(name)
      if (!set) {
        set = new Set()
        handlers.set(name, set)
        if (source) bind(source, name)
      }
      set.add(handler)
      if (!source && state.status === 'connected') open()
      return () => {
        set.delete(handler)
        if ([...handlers.values()].some((s) => s.size > 0)) return
        closeSource()
        clearTimeout(timer)
        timer = undefined
      }
    },
    lost() {
      if (state.status === 'connected') lose()
    },
    alive() {
      if (state.status === 'reconnecting' && source === null) retryNow()
    },
  }
}
