import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { buildSignedBaseline, runCli, triageResponder } from './cli-helpers'

const newHome = useTempHomes()
const startServer = useMockLlmServer()

async function setup(): Promise<{ folder: string; url: string; signers: string; dir: string }> {
  const server = await startServer({ responder: triageResponder })
  const dir = newHome()
  const { folder, publicKey } = await buildSignedBaseline(newHome(), server.openaiBaseUrl, join(dir, 'evals'))
  const signers = join(dir, 'priya.pub.json')
  writeFileSync(signers, publicKey)
  return { folder, url: server.openaiBaseUrl, signers, dir }
}

describe('evallab gate and verify on a signed baseline folder', () => {
  it('passes the baseline version against itself and fails a regressed model, writing JUnit and Markdown', async () => {
    const { folder, url, signers, dir } = await setup()
    const env = { OPENAI_API_KEY: 'test', CI: 'true' }
    const junitOk = join(dir, 'ok.xml')
    const pass = await runCli(
      ['gate', folder, '--provider', `openai=${url}`, '--allowed-signers', signers, '--junit', junitOk],
      env,
    )
    expect(pass.err).not.toMatch(/evallab gate:/)
    expect(pass.code).toBe(0)
    expect(pass.out).toMatch(/Gate PASS/)
    expect(pass.out).toMatch(/Priya Shah \(PM\).*valid/)
    const okXml = readFileSync(junitOk, 'utf8')
    expect(okXml).toContain('<testsuite name="evallab gate: Ticket triage"')
    expect(okXml).toContain('classname="ticket-triage"')
    expect(okXml).not.toContain('<failure')
    expect(pass.err).toMatch(/run: 40\/40 calls \(100 %\)/)

    const junitBad = join(dir, 'bad.xml')
    const summary = join(dir, 'pr.md')
    const fail = await runCli(
      [
        'gate',
        folder,
        '--model',
        'openai/triage-bad',
        '--provider',
        `openai=${url}`,
        '--junit',
        junitBad,
        '--summary',
        summary,
      ],
      env,
    )
    expect(fail.code).toBe(1)
    const badXml = readFileSync(junitBad, 'utf8')
    expect(badXml).toMatch(
      /<testcase classname="ticket-triage" name="format\.json_schema[^"]*">\s*<failure message=/,
    )
    expect(badXml).toMatch(/failing cases \(10\)/)
    const md = readFileSync(summary, 'utf8')
    expect(md).toMatch(/^## ❌ evallab gate: Ticket triage — fail/)
    expect(md).toContain('### Failing cases')
  }, 60_000)

  it('verify passes an untouched folder and names baseline/results.jsonl after one byte changes', async () => {
    const { folder, signers } = await setup()
    const ok = await runCli(['verify', folder, '--allowed-signers', signers])
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/verify: OK/)
    const results = join(folder, 'baseline', 'results.jsonl')
    const text = readFileSync(results, 'utf8')
    const at = text.indexOf('billing')
    writeFileSync(results, `${text.slice(0, at)}B${text.slice(at + 1)}`)
    const tampered = await runCli(['verify', folder])
    expect(tampered.code).toBe(1)
    expect(tampered.out).toMatch(/^baseline\/results\.jsonl: /m)
    const gate = await runCli(['gate', folder], { OPENAI_API_KEY: 'test' })
    expect(gate.code).toBe(1)
    expect(gate.out).toMatch(/baseline\/results\.jsonl/)
  }, 60_000)

  it('requires a valid signature from an allowed signer when asked', async () => {
    const { folder } = await setup()
    const none = await runCli(['verify', folder, '--require-signatures', '1'])
    expect(none.code).toBe(1)
    expect(none.out).toMatch(/signoffs\.json: 0 valid signature\(s\) from allowed signers; 1 required/)
    expect(existsSync(folder)).toBe(true)
  }, 60_000)
})
