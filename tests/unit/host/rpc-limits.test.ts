import { mkdirSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok, type Result } from '../../../shared/contract'
import type { Dispatch } from '../../../electron/main/core/dispatch'
import { createDispatch, type Handlers } from '../../../electron/main/core/dispatch'
import { EventBus } from '../../../electron/main/core/events'
import { startHost, type RunningHost } from '../../../electron/main/host/server'
import { useTempHomes } from '../../fixtures/temp-home'

const newHome = useTempHomes()
const token = 'test-token-0123456789abcdef'
const MiB = 1024 * 1024
let host: RunningHost | undefined

afterEach(async () => {
  await host?.close()
  host = undefined
})

async function start(dispatch: Dispatch, maxBodyBytes?: number): Promise<RunningHost> {
  const staticDir = join(newHome(), 'renderer')
  mkdirSync(staticDir)
  const bus = new EventBus()
  host = await startHost({
    dispatch,
    bus,
    staticDir,
    token,
    port: 0,
    ...(maxBodyBytes ? { maxBodyBytes } : {}),
  })
  return host
}

const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
const neverCalled: Dispatch = () => Promise.reject(new Error('the dispatch must not be reached'))

interface Reply {
  status: number
  body: string
}

/** POSTs a body that never ends (chunked, 256 KiB at a time) until the host answers. */
function sendEndless(port: number): Promise<Reply & { sentBytes: number }> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0
    let answered = false
    const chunk = Buffer.alloc(256 * 1024, 'a')
    const req = request({ host: '127.0.0.1', port, path: '/rpc', method: 'POST', headers }, (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sentBytes }))
    })
    req.on('error', (error) => (answered ? undefined : reject(error)))
    const pump = (): void => {
      while (!answered && req.write(chunk)) sentBytes += chunk.length
      if (!answered) req.once('drain', pump)
    }
    req.write('{"method":"datasets.importPreview","input":{"contentBase64":"')
    pump()
  })
}

/** POSTs head + `size` letters + tail from one reused chunk, so the sender holds no copy of the body. */
function sendStreamed(port: number, head: string, size: number, tail: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(MiB, 'a')
    const req = request({ host: '127.0.0.1', port, path: '/rpc', method: 'POST', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve(body))
    })
    req.on('error', reject)
    req.write(head)
    let left = size
    const pump = (): void => {
      while (left > 0) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left)
        left -= part.length
        if (!req.write(part)) return void req.once('drain', pump)
      }
      req.end(tail)
    }
    pump()
  })
}

function errorOf(body: string): { code: string; message: string } {
  const envelope = JSON.parse(body) as Result<unknown>
  if (envelope.ok) throw new Error('expected a failure')
  return envelope.error
}

describe('Node host: request limits', () => {
  it('answers a body declared larger than the limit with 413 LIMIT_EXCEEDED, reading none of it', async () => {
    const h = await start(neverCalled, 1 * MiB)
    const body = JSON.stringify({ method: 'datasets.importPreview', input: { text: 'x'.repeat(3 * MiB) } })
    const reply = await fetch(`http://127.0.0.1:${h.port}/rpc`, { method: 'POST', headers, body })
    expect(reply.status).toBe(413)
    const error = errorOf(await reply.text())
    expect(error.code).toBe('LIMIT_EXCEEDED')
    expect(error.message).toContain('1 MiB')
  })

  it('stops reading a body that never ends at the limit and answers 413', async () => {
    const h = await start(neverCalled, 1 * MiB)
    const reply = await sendEndless(h.port)
    expect(reply.status).toBe(413)
    expect(errorOf(reply.body).code).toBe('LIMIT_EXCEEDED')
  })

  it('still answers a call just under the limit', async () => {
    const h = await start(
      (method, input) => Promise.resolve(ok({ method, size: JSON.stringify(input).length })),
      1 * MiB,
    )
    const body = JSON.stringify({ method: 'app.status', input: { text: 'x'.repeat(MiB - 100) } })
    const reply = await fetch(`http://127.0.0.1:${h.port}/rpc`, { method: 'POST', headers, body })
    expect(reply.status).toBe(200)
  })

  it('echoes at most a short prefix of an unknown method name', async () => {
    const h = await start(createDispatch({} as Handlers, new EventBus()))
    const name = `evil.${'<script>'.repeat(10_000)}`
    const reply = await fetch(`http://127.0.0.1:${h.port}/rpc`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ method: name, input: {} }),
    })
    const error = errorOf(await reply.text())
    expect(error.code).toBe('UNKNOWN_METHOD')
    expect(error.message.length).toBeLessThan(140)
    expect(error.message).toContain('"evil.<script>')
    expect(error.message).toContain(`(${name.length} characters)`)
  })

  it('holds one copy of a call body while the call runs: no raw bytes or text kept beside the input', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const size = 48 * MiB
    let grewBy = Number.NaN
    // A full collection, then another once freed buffers' memory has been swept in the background.
    const measure = async (): Promise<number> => {
      gc()
      await new Promise((resolve) => setTimeout(resolve, 100))
      gc()
      const m = process.memoryUsage()
      return m.heapUsed + m.arrayBuffers
    }
    const h = await start(async (_method, input) => {
      grewBy = (await measure()) - before
      return (input as { text: string }).text.length === size ? ok(true) : fail('INVALID_INPUT', 'changed')
    })
    const before = await measure()
    const reply = await sendStreamed(h.port, '{"method":"app.status","input":{"text":"', size, '"}}')
    expect(JSON.parse(reply)).toEqual({ ok: true, value: true })
    // The parsed input is one 48 MiB string; a lingering Buffer or body text would add 48 MiB each.
    expect(grewBy / MiB).toBeLessThan(72)
  })
})
