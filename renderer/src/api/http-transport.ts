import { isEventName, resultEnvelopeSchema, type Transport } from '../../../shared/contract'
import type { ConnectionSource } from './connection'
import { TransportError } from './errors'
import { createEventStream, type ProbeResult } from './event-stream'

export interface HttpTransportOptions {
  /** Per-start token printed by the Node host; sent as a Bearer header and on the SSE URL. */
  token: string | null
  /** Origin + path prefix of the host; '' means the page's own origin. */
  baseUrl?: string
  fetch?: typeof fetch
  EventSource?: typeof EventSource
  /** Wait before reconnect attempt `n` (tests shorten it). */
  reconnectDelayMs?: (attempt: number) => number
}

/**
 * POST /rpc for calls, one shared EventSource on /events with named SSE events for pushes. When the host
 * goes away (stopped, restarted, the stream dropped), `connection` says so and the stream comes back by
 * itself; whoever shows data refetches on the way back, since events were missed meanwhile.
 */
export function createHttpTransport(
  options: HttpTransportOptions,
): Transport & { connection: ConnectionSource } {
  const base = options.baseUrl ?? ''
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const post = (method: string, input: unknown) =>
    doFetch(`${base}/rpc`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ method, input }),
    })
  const stream = createEventStream({
    url: `${base}/events?token=${encodeURIComponent(options.token ?? '')}`,
    EventSource: options.EventSource ?? globalThis.EventSource,
    probe: () => probe(post),
    ...(options.reconnectDelayMs ? { delayMs: options.reconnectDelayMs } : {}),
  })

  return {
    connection: stream,

    async rpc(method, input) {
      let response: Response
      try {
        response = await post(method, input)
      } catch (error) {
        stream.lost()
        throw new TransportError('Could not reach the Eval Lab host', { cause: error })
      }
      stream.alive()
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
      return stream.listen(event, (data) => {
        const payload = parseJson(data)
        if (payload !== undefined) listener(payload)
      })
    },
  }
}

/** app.status is cheap and always allowed: any answer means the host is up; 401/403 means not for us. */
async function probe(post: (method: string, input: unknown) => Promise<Response>): Promise<ProbeResult> {
  try {
    const response = await post('app.status', {})
    await response.text().catch(() => '')
    return response.status === 401 || response.status === 403 ? 'refused' : 'up'
  } catch {
    return 'down'
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
