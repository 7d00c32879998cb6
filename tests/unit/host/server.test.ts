import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../electron/main/core'
import { startHost, type RunningHost } from '../../../electron/main/host/server'
import { useTempHomes } from '../../fixtures/temp-home'

const newHome = useTempHomes()
const token = 'test-token-0123456789'
let core: Core | undefined
let host: RunningHost | undefined

afterEach(async () => {
  await host?.close()
  core?.close()
  host = undefined
  core = undefined
})

async function start(): Promise<RunningHost> {
  const home = newHome()
  const staticDir = join(home, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Eval Lab</title>')
  writeFileSync(join(home, 'secret.txt'), 'not for the browser')
  core = openCore({ home, seedDemo: false })
  host = await startHost({ dispatch: core.dispatch, bus: core.bus, staticDir, token, port: 0 })
  return host
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(init.body)
  })
}

function rpc(port: number, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(port, '/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  })
}

describe('Node host', () => {
  it('binds to 127.0.0.1 and prints a url carrying the token', async () => {
    const h = await start()
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/?token=${token}`)
  })

  it('answers an authorised call with the dispatch envelope', async () => {
    const h = await start()
    const reply = await rpc(h.port, { method: 'prompts.list', input: {} })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] })
  })

  it('refuses a request without the token, or with a wrong one', async () => {
    const h = await start()
    const none = await send(h.port, '/rpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'app.status', input: {} }),
    })
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const wrong = await rpc(h.port, { method: 'app.status', input: {} }, { authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    const events = await send(h.port, '/events', {})
    expect(events.status).toBe(401)
  })

  it('refuses a foreign Origin even with the right token', async () => {
    const h = await start()
    const reply = await rpc(h.port, { method: 'app.status', input: {} }, { origin: 'https://evil.example' })
    expect(reply.status).toBe(403)
    const own = await rpc(
      h.port,
      { method: 'app.status', input: {} },
      { origin: `http://127.0.0.1:${h.port}` },
    )
    expect(own.status).toBe(200)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const h = await start()
    const reply = await rpc(
      h.port,
      { method: 'app.status', input: {} },
      { host: `attacker.example:${h.port}` },
    )
    expect(reply.status).toBe(403)
  })

  it('returns typed errors for unknown methods and bad bodies', async () => {
    const h = await start()
    expect(JSON.parse((await rpc(h.port, { method: 'fs.read', input: {} })).body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    })
    const bad = await send(h.port, '/rpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{not json',
    })
    expect(bad.status).toBe(400)
    const form = await send(h.port, '/rpc', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: '{}',
    })
    expect(form.status).toBe(415)
  })

  it('serves the renderer with a CSP and never a file outside it', async () => {
    const h = await start()
    const page = await send(h.port, '/', {})
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    const escape = await send(h.port, '/..%2Fsecret.txt', {})
    expect(escape.body).not.toContain('not for the browser')
  })

  it('streams db.changed events to an authorised event stream', async () => {
    const h = await start()
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: h.port, path: `/events?token=${token}` }, (res) => {
        res.setEncoding('utf8')
        let text = ''
        res.on('data', (chunk: string) => {
          text += chunk
          if (text.includes('connected')) core?.bus.emit('db.changed', { tables: ['prompts'] })
          if (text.includes('event: db.changed')) {
            resolve(text)
            req.destroy()
          }
        })
      })
      req.on('error', reject)
      req.end()
    })
    expect(await received).toContain('data: {"tables":["prompts"]}')
  })
})
