import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpTransport, TransportError } from '../../../renderer/src/api'
import { readHostToken } from '../../../renderer/src/api/token'

class FakeEventSource {
  static last: FakeEventSource | null = null
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>()
  closed = false
  constructor(readonly url: string) {
    FakeEventSource.last = this
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close(): void {
    this.closed = true
  }
  dispatch(type: string, data: string): void {
    for (const l of this.listeners.get(type) ?? []) l({ data } as MessageEvent<string>)
  }
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('createHttpTransport', () => {
  it('POSTs /rpc with the method, input and Bearer token', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.resolve(jsonResponse(200, { ok: true, value: [] })),
    )
    const transport = createHttpTransport({ token: 't0k', fetch, EventSource: FakeEventSource as never })
    await expect(transport.rpc('prompts.list', {})).resolves.toEqual({ ok: true, value: [] })
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(url).toBe('/rpc')
    expect(init?.method).toBe('POST')
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer t0k')
    expect(JSON.parse(init?.body as string)).toEqual({ method: 'prompts.list', input: {} })
  })

  it('passes a 403 envelope through so the client sees FORBIDDEN', async () => {
    const envelope = { ok: false, error: { code: 'FORBIDDEN', message: 'bad token' } }
    const fetch = vi.fn(() => Promise.resolve(jsonResponse(403, envelope)))
    const transport = createHttpTransport({ token: 'x', fetch, EventSource: FakeEventSource as never })
    await expect(transport.rpc('app.status', {})).resolves.toEqual(envelope)
  })

  it('throws TransportError when the host is down or answers without an envelope', async () => {
    const down = createHttpTransport({
      token: 'x',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    })
    await expect(down.rpc('app.status', {})).rejects.toBeInstanceOf(TransportError)
    const html = createHttpTransport({
      token: 'x',
      fetch: () => Promise.resolve(new Response('<html>', { status: 502 })),
    })
    await expect(html.rpc('app.status', {})).rejects.toThrow(/HTTP 502/)
  })

  it('listens to named SSE events on one EventSource and closes it when idle', () => {
    const transport = createHttpTransport({
      token: 'a b',
      fetch: vi.fn(),
      EventSource: FakeEventSource as never,
    })
    const listener = vi.fn()
    const off = transport.on('db.changed', listener)
    const source = FakeEventSource.last
    expect(source?.url).toBe('/events?token=a%20b')
    source?.dispatch('db.changed', '{"tables":["prompts"]}')
    source?.dispatch('db.changed', 'not json')
    expect(listener).toHaveBeenCalledExactlyOnceWith({ tables: ['prompts'] })
    off()
    expect(source?.closed).toBe(true)
  })
})

describe('readHostToken', () => {
  afterEach(() => {
    sessionStorage.clear()
    history.replaceState(null, '', '/')
  })

  it('takes the token from the query, keeps it for reloads and strips it from the address bar', () => {
    history.replaceState(null, '', '/?token=abc#/datasets')
    expect(readHostToken()).toBe('abc')
    expect(location.search).toBe('')
    expect(location.hash).toBe('#/datasets')
    expect(readHostToken()).toBe('abc')
  })
})
