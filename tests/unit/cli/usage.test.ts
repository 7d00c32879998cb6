import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainLine, progressBar } from '../../../electron/main/cli/progress'
import { xmlEscape } from '../../../electron/main/cli/junit'
import { runCli } from './cli-helpers'

const commands = ['run', 'gate', 'verify', 'export', 'import']

describe('evallab usage', () => {
  it('lists every command on --help and with no arguments', async () => {
    for (const argv of [['--help'], []]) {
      const { code, out } = await runCli(argv)
      expect(code).toBe(0)
      for (const c of commands) expect(out).toContain(`  ${c}`)
    }
  })

  it.each(commands)('%s --help prints its usage and exits 0', async (command) => {
    const { code, out } = await runCli([command, '--help'])
    expect(code).toBe(0)
    expect(out).toMatch(new RegExp(`^Usage: evallab ${command} `))
  })

  it('exits 3 naming an unknown flag, a bad value or a missing folder', async () => {
    const flag = await runCli(['verify', 'x', '--frobnicate'])
    expect(flag).toMatchObject({ code: 3 })
    expect(flag.err).toContain('--frobnicate')
    const env = await runCli(['gate', 'x', '--env', 'qa'])
    expect(env.code).toBe(3)
    expect(env.err).toContain('--env must be staging or prod')
    const missing = await runCli(['verify', '/nonexistent/evals/triage'])
    expect(missing.code).toBe(3)
    expect(missing.err).toContain('/nonexistent/evals/triage: no such folder')
    const unknown = await runCli(['deploy'])
    expect(unknown.code).toBe(3)
    expect(unknown.err).toContain('unknown command "deploy"')
  })

  it('draws the progress bar and the plain CI line', () => {
    const p = {
      runId: 'r',
      status: 'running' as const,
      done: 120,
      total: 290,
      errors: 2,
      callsPerSecond: 3,
      spentUsd: 0.0123,
      etaSeconds: 3.2,
    }
    expect(progressBar(p)).toBe('[########------------] 120/290 calls · 2 errors · $0.0123 · 4 s left')
    expect(plainLine('run', { ...p, done: 58, errors: 0 })).toBe('run: 58/290 calls (20 %)')
  })

  it('escapes XML in attributes and text', () => {
    expect(xmlEscape(`a<b & "c" 'd'>\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;')
  })

  const built = resolve('out/main/cli.js')
  it.skipIf(!existsSync(built))('node bin/evallab.mjs --help runs the built CLI', () => {
    const result = spawnSync(process.execPath, ['bin/evallab.mjs', '--help'], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Usage: evallab <command>')
  })
})
