import { isEventName, resultEnvelopeSchema, type EventName, type Transport } from '../../../shared/contract'
import { TransportError } from './errors'

export interface HttpTransportOptions {
  /** Per-start token printed by the Node host; sent as a Bearer header and on the SSE URL. */
  token: string | null
  /** Origin + path prefix of the host; '' means the page's own origin. */
  baseUrl?: string
  fetch?: typeof fetch
  EventSource?: typeof EventSource
}

type Listener = (payload: unknown) => void

/** POST /rpc for calls, one shared EventSource on /events with named SSE events for pushes. */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const base = options.baseUrl ?? ''
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const EventSourceImpl = options.EventSource ?? globalThis.EventSource
  const listeners = new Map<EventName, Set<Listener>>()
  const attached = new Set<EventName>()
  let source: EventSource | null = null

  function attach(event: EventName): void {
    source ??= new EventSourceImpl(`${base}/events?token=${encodeURIComponent(options.token ?? '')}`)
    if (attached.has(event)) return
    attached.add(event)
    source.addEventListener(event, (message) => {
      const payload = parseJson((message as MessageEvent<string>).data)
      if (payload === undefined) return
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload)
    })
  }

  function detachIfIdle(): void {
    if ([...listeners.values()].some((set) => set.size > 0)) return
    source?.close()
    source = null
    attached.clear()
  }

  return {
    async rpc(method, input) {
      let response: Response
      try {
        response = await doFetch(`${base}/rpc`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({ method, input }),
        })
      } catch (error) {
        throw new TransportError('Could not reach the Eval Lab host', { cause: error })
      }
      const body = parseJson(await response.text().catch(() => ''))
      const envelope = resultEnvelopeSchema.safeParse(body)
      if (!envelope.success) {
        throw new TransportError(
          `The Eval Lab host answered ${method} with HTTP ${response.status} and no result`,
        )
      }
      return envelope.data
    },

    on(event, listener) {
      if (!isEventName(event)) return () => undefined
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      set.add(listener)
      attach(event)
      return () => {
        set.delete(listener)
        detachIfIdle()
      }
    },
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
