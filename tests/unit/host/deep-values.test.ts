import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../electron/main/core'
import { startHost, type RunningHost } from '../../../electron/main/host/server'
import type { Dispatch } from '../../../electron/main/core/dispatch'
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

async function start(dispatch?: Dispatch): Promise<RunningHost> {
  const home = newHome()
  const staticDir = join(home, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Eval Lab</title>')
  core = openCore({ home, seedDemo: false })
  host = await startHost({ dispatch: dispatch ?? core.dispatch, bus: core.bus, staticDir, token, port: 0 })
  return host
}

function rpc(port: number, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/rpc',
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const deep = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`

describe('Node host and deeply nested values', () => {
  it('refuses an input nested past the limit with LIMIT_EXCEEDED, not a 500', async () => {
    const h = await start()
    const body = `{"method":"datasets.create","input":{"name":"x","description":${deep(100_000)}}}`
    const reply = await rpc(h.port, body)
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'LIMIT_EXCEEDED',
        message: 'The input for datasets.create nests deeper than the limit of 64 levels',
      }),
    })
  })

  it('answers LIMIT_EXCEEDED when a reply is too deep for JSON.stringify, never a 500', async () => {
    const value = JSON.parse(deep(20_000)) as unknown
    const h = await start(() => Promise.resolve({ ok: true, value }))
    const reply = await rpc(h.port, '{"method":"app.status","input":{}}')
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } })
  })
})
