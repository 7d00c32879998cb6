import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createClient, createHttpTransport, TransportError } from '../../../renderer/src/api'
import type { ConnectionState } from '../../../renderer/src/api/connection'
import { createEventStream, reconnectDelayMs, type ProbeResult } from '../../../renderer/src/api/event-stream'

class FakeEventSource {
  static all: FakeEventSource[] = []
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>()
  closed = false
  constructor(readonly url: string) {
    FakeEventSource.all.push(this)
  }
  static last(): FakeEventSource {
    const last = FakeEventSource.all.at(-1)
    if (!last) throw new Error('no EventSource was opened')
    return last
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close(): void {
    this.closed = true
  }
  dispatch(type: string, data = ''): void {
    for (const l of this.listeners.get(type) ?? []) l({ data } as MessageEvent<string>)
  }
}

beforeEach(() => {
  vi.useFakeTimers()
  FakeEventSource.all = []
})
afterEach(() => {
  vi.useRealTimers()
})

/** A stream whose probe answers from a script the test sets, recording each state it goes through. */
function scripted() {
  let answer: ProbeResult = 'down'
  const probe = vi.fn(() => Promise.resolve(answer))
  const stream = createEventStream({
    url: '/events',
    EventSource: FakeEventSource as never,
    probe,
    now: () => 1000,
  })
  const states: ConnectionState[] = []
  stream.subscribe((state) => states.push(state))
  const events: string[] = []
  stream.listen('db.changed', (data) => events.push(data))
  return { stream, probe, states, events, answer: (a: ProbeResult) => (answer = a) }
}

describe('the event stream reconnects by itself', () => {
  it('waits 0.5 s, 1 s, 2 s, 4 s, then every 5 s between attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000])
  })

  it('goes reconnecting on a stream error, probes with backoff, reopens, and is connected on open', async () => {
    const { stream, probe, states, events, answer } = scripted()
    const first = FakeEventSource.last()
    first.dispatch('open')
    first.dispatch('db.changed', 'before')
    expect(stream.state()).toEqual({ status: 'connected' })

    first.dispatch('error')
    expect(first.closed).toBe(true)
    expect(stream.state()).toEqual({ status: 'reconnecting', attempt: 0, since: 1000 })
    await vi.advanceTimersByTimeAsync(499)
    expect(probe).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(probe).toHaveBeenCalledTimes(1)
    expect(stream.state()).toMatchObject({ status: 'reconnecting', attempt: 1 })
    await vi.advanceTimersByTimeAsync(999)
    expect(probe).toHaveBeenCalledTimes(1)
    answer('up')
    await vi.advanceTimersByTimeAsync(1)
    expect(probe).toHaveBeenCalledTimes(2)
    expect(FakeEventSource.all).toHaveLength(2)
    const second = FakeEventSource.last()
    expect(stream.state()).toMatchObject({ status: 'reconnecting', attempt: 2 })

    first.dispatch('db.changed', 'stale source')
    second.dispatch('open')
    second.dispatch('db.changed', 'after')
    expect(stream.state()).toEqual({ status: 'connected' })
    expect(events).toEqual(['before', 'after'])
    expect(states.map((s) => s.status)).toEqual(['reconnecting', 'reconnecting', 'reconnecting', 'connected'])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(probe).toHaveBeenCalledTimes(2)
  })

  it('backs off again when the reopened stream fails before it opens', async () => {
    const { stream, probe, answer } = scripted()
    answer('up')
    FakeEventSource.last().dispatch('error')
    await vi.advanceTimersByTimeAsync(500)
    FakeEventSource.last().dispatch('error')
    expect(stream.state()).toMatchObject({ status: 'reconnecting', attempt: 1 })
    await vi.advanceTimersByTimeAsync(999)
    expect(probe).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(probe).toHaveBeenCalledTimes(2)
  })

  it('stops at refused when the host answers but no longer takes this page token', async () => {
    const { stream, probe, answer } = scripted()
    answer('refused')
    FakeEventSource.last().dispatch('error')
    await vi.advanceTimersByTimeAsync(500)
    expect(stream.state()).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/new access token/),
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(probe).toHaveBeenCalledTimes(1)
  })

  it('tries at once on retryNow instead of waiting', async () => {
    const { stream, probe, answer } = scripted()
    FakeEventSource.last().dispatch('error')
    answer('up')
    stream.retryNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(probe).toHaveBeenCalledTimes(1)
    FakeEventSource.last().dispatch('open')
    expect(stream.state()).toEqual({ status: 'connected' })
  })
})

describe('the HTTP transport and client', () => {
  function jsonResponse(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  }

  it('treats a call that cannot reach the host as lost, retries on a later answer, and announces the way back', async () => {
    let up = false
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      up
        ? Promise.resolve(jsonResponse(200, { ok: true, value: [] }))
        : Promise.reject(new TypeError('Failed to fetch')),
    )
    const transport = createHttpTransport({ token: 't', fetch, EventSource: FakeEventSource as never })
    const client = createClient(transport)
    const reconnected = vi.fn()
    client.onReconnected(reconnected)
    client.on('db.changed', () => undefined)
    FakeEventSource.last().dispatch('open')

    await expect(client.call('prompts.list', {})).rejects.toBeInstanceOf(TransportError)
    expect(client.connection.state()).toMatchObject({ status: 'reconnecting' })
    expect(FakeEventSource.last().closed).toBe(true)
    await vi.advanceTimersByTimeAsync(500)
    expect(FakeEventSource.all).toHaveLength(1)

    up = true
    await expect(client.call('prompts.list', {})).resolves.toEqual([])
    await vi.advanceTimersByTimeAsync(0)
    expect(FakeEventSource.all).toHaveLength(2)
    expect(reconnected).not.toHaveBeenCalled()
    FakeEventSource.last().dispatch('open')
    expect(client.connection.state()).toEqual({ status: 'connected' })
    expect(reconnected).toHaveBeenCalledTimes(1)
  })

  it('probes with app.status and reads 401 as refused', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.resolve(jsonResponse(401, { ok: false, error: { code: 'FORBIDDEN', message: 'wrong token' } })),
    )
    const transport = createHttpTransport({ token: 'old', fetch, EventSource: FakeEventSource as never })
    transport.on('db.changed', () => undefined)
    FakeEventSource.last().dispatch('error')
    await vi.advanceTimersByTimeAsync(500)
    const [, init] = fetch.mock.calls[0] ?? []
    expect(JSON.parse(init?.body as string)).toEqual({ method: 'app.status', input: {} })
    expect(transport.connection.state()).toMatchObject({ status: 'refused' })
  })
})
