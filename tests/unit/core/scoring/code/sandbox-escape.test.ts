import { describe, expect, it } from 'vitest'
import { createCodeSandbox } from '../../../../../electron/main/core/scoring/code'
import { ticketInput } from './helpers'

// A roomy time limit: these tests are about results, not limits, and must pass on a busy machine.
const sandbox = createCodeSandbox({ timeMs: 2000 })

/** Runs `expression` inside a scorer and returns what it evaluated to (as the reason) or the error. */
async function probe(expression: string) {
  return sandbox.run(`() => ({ pass: true, reason: String(${expression}) })`, ticketInput())
}

describe('code scorer sandbox: nothing of the host is reachable', () => {
  it.each([
    ['require', 'typeof require'],
    ['process', 'typeof process'],
    ['fetch', 'typeof fetch'],
    ['XMLHttpRequest', 'typeof XMLHttpRequest'],
    ['setTimeout', 'typeof setTimeout'],
    ['console', 'typeof console'],
    ['Buffer', 'typeof Buffer'],
    ['performance', 'typeof performance'],
    ['WebAssembly', 'typeof WebAssembly'],
    ['std/os (quickjs-libc)', 'typeof std + typeof os'],
  ])('has no %s', async (_name, expression) => {
    const result = await probe(expression)
    expect(result).toMatchObject({ ok: true })
    expect(result.ok && result.reason).toMatch(/^(undefined)+$/)
  })

  it('fails a scorer that calls require("fs") with a clear error', async () => {
    expect(
      await sandbox.run(`() => require('fs').readFileSync('/etc/passwd', 'utf8')`, ticketInput()),
    ).toEqual({
      ok: false,
      kind: 'threw',
      message: "The scorer threw while scoring: ReferenceError: 'require' is not defined",
    })
  })

  it('fails process.exit and fetch as errors, not as effects on the host', async () => {
    expect(await sandbox.run('() => process.exit(1)', ticketInput())).toMatchObject({
      kind: 'threw',
      message: expect.stringContaining("'process' is not defined"),
    })
    expect(
      await sandbox.run('async () => (await fetch("http://127.0.0.1:1")).ok', ticketInput()),
    ).toMatchObject({
      kind: 'threw',
      message: expect.stringContaining("'fetch' is not defined"),
    })
  })

  it('fails a dynamic import() (there is no module loader) and refuses a static import', async () => {
    expect(await sandbox.run(`async () => (await import('fs')).existsSync('/')`, ticketInput())).toEqual({
      ok: false,
      kind: 'threw',
      message: "The scorer threw while scoring: ReferenceError: could not load module 'fs'",
    })
    const statically = await sandbox.run(`import fs from 'fs'\nexport default () => true`, ticketInput())
    expect(statically).toMatchObject({ ok: false, kind: 'syntax' })
  })

  it('reaches only its own globals through globalThis and the Function constructor', async () => {
    const keys = await probe(
      `Object.getOwnPropertyNames(globalThis).filter((k) => /require|process|fetch|module|exports|global$/.test(k)).join(',') || 'none'`,
    )
    expect(keys).toMatchObject({ ok: true, reason: 'none' })
    const viaFunction = await probe(`typeof Function('return this')().process`)
    expect(viaFunction).toMatchObject({ ok: true, reason: 'undefined' })
    const viaConstructor = await probe(
      `typeof (() => {}).constructor.constructor('return globalThis')().require`,
    )
    expect(viaConstructor).toMatchObject({ ok: true, reason: 'undefined' })
  })

  it('cannot change what the next call sees: a patched prototype is gone on the next call', async () => {
    await sandbox.run('String.prototype.includes = () => true; () => true', ticketInput())
    const next = await sandbox.run('(output) => output.includes("no such text")', ticketInput())
    expect(next).toMatchObject({ ok: true, passed: false })
  })
})
