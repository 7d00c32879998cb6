import type { ServerResponse } from 'node:http'
import type { EventBus } from '../core/events'

const heartbeatMs = 15_000

/** Streams every core event to one browser tab as a named server-sent event until it disconnects. */
export function streamEvents(bus: EventBus, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  })
  res.write(': connected\n\n')
  const unsubscribe = bus.subscribe((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs)
  res.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
}
