import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempHomes } from '../../fixtures/temp-home'
import { runCli } from './cli-helpers'
import { buildDemoBaseline } from './demo-baseline'

const newHome = useTempHomes()
// The CLI cannot shrink the demo's simulated latency (40–160 ms a call); wide concurrency keeps runs short.
const fast = ['--concurrency', '64']

async function demoFolder(
  options: { stagingVersion?: number } = {},
): Promise<{ folder: string; dir: string }> {
  const dir = newHome()
  const { folder } = await buildDemoBaseline(newHome(), join(dir, 'evals'), options)
  return { folder, dir }
}

describe('evallab run on the demo simulated models', () => {
  it('run --version 4 prints the metrics table and writes the Markdown summary', async () => {
    const { folder, dir } = await demoFolder()
    const summary = join(dir, 'run.md')
    const result = await runCli(['run', folder, '--version', '4', '--summary', summary, ...fast])
    expect(result.err).not.toMatch(/evallab run:/)
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^Run "evallab run: Ticket triage v4": completed \(145\/145 calls\)/)
    expect(result.out).toContain('v4 × demo/triage-sim-2026-03')
    expect(result.out).toMatch(/^metric +n +value +95 % CI$/m)
    expect(result.out).toMatch(/^format\.json_schema +145 +100\.0 % +\[\d+\.\d, 100\.0\]$/m)
    expect(result.out).toMatch(/^rule\.category +145 +\d+\.\d % /m)
    expect(result.out).toMatch(/145 results, 0 errors · cost per interaction \$/)
    const md = readFileSync(summary, 'utf8')
    expect(md).toMatch(/^## Eval run: evallab run: Ticket triage v4/)
    expect(md).toContain('| metric | n | value | 95 % CI |')
    expect(md).toMatch(/^\| format\.json_schema \| 145 \| 100\.0 % \|/m)
  }, 60_000)
})

describe('evallab gate on the demo simulated models', () => {
  it('passes the baseline version and fails v5 (4 % malformed JSON) on the format rule', async () => {
    const { folder, dir } = await demoFolder()
    const pass = await runCli(['gate', folder, ...fast])
    expect(pass.err).not.toMatch(/evallab gate:/)
    expect(pass.code).toBe(0)
    expect(pass.out).toMatch(
      /^Gate PASS .*Ticket triage: v4 × demo\/triage-sim-2026-03 vs the signed baseline/m,
    )

    const junit = join(dir, 'v5.xml')
    const fail = await runCli(['gate', folder, '--version', '5', '--junit', junit, ...fast])
    expect(fail.code).toBe(1)
    expect(fail.out).toMatch(/^Gate FAIL .*v5 × demo\/triage-sim-2026-09/m)
    expect(fail.out).toMatch(/^format\.json_schema.* fail$/m)
    expect(readFileSync(junit, 'utf8')).toMatch(
      /<testcase classname="ticket-triage" name="format\.json_schema[^"]*">\s*<failure message=/,
    )
  }, 60_000)

  it('--env staging is a usage error when the folder has no staging version', async () => {
    const { folder } = await demoFolder()
    const result = await runCli(['gate', folder, '--env', 'staging'])
    expect(result.code).toBe(3)
    expect(result.err).toContain('evallab gate: --env staging: "Ticket triage" has no version in staging')
    expect(result.out).not.toMatch(/^Gate /m)
  }, 60_000)

  it('--env staging gates the version prompt.json puts in staging, on its pinned model', async () => {
    const { folder } = await demoFolder({ stagingVersion: 5 })
    const prompt = JSON.parse(readFileSync(join(folder, 'prompt.json'), 'utf8')) as {
      environments: { staging: number | null }
    }
    expect(prompt.environments.staging).toBe(5)
    const result = await runCli(['gate', folder, '--env', 'staging', ...fast])
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/^Gate FAIL .*v5 × demo\/triage-sim-2026-09/m)
  }, 60_000)
})
