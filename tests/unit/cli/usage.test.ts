import { describe, expect, it } from 'vitest'
import { plainLine, progressBar } from '../../../electron/main/cli/progress'
import { xmlEscape } from '../../../electron/main/cli/junit'
import { runCli } from './cli-helpers'
import { spawnEvallab } from './spawn-bin'

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
      batch: null,
    }
    expect(progressBar(p)).toBe('[########------------] 120/290 calls · 2 errors · $0.0123 · 4 s left')
    expect(plainLine('run', { ...p, done: 58, errors: 0 })).toBe('run: 58/290 calls (20 %)')
  })

  it('escapes XML in attributes and text', () => {
    expect(xmlEscape(`a<b & "c" 'd'>\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;')
  })

  // The global setup (built-cli.setup.ts) builds out/ first: a missing build fails, it never skips.
  it('node bin/evallab.mjs --help runs the built CLI', async () => {
    const result = await spawnEvallab(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: evallab <command>')
    expect(result.stdout).toContain('4 internal error')
  })

  it('gate --help and run --help document --provider, the base URL and key variables', async () => {
    for (const command of ['gate', 'run']) {
      const { code, out } = await runCli([command, '--help'])
      expect(code).toBe(0)
      expect(out).toContain('--provider NAME=URL')
      expect(out).toContain('EVALLAB_<NAME>_BASE_URL')
      expect(out).toContain('(local-llm: EVALLAB_LOCAL_LLM_BASE_URL)')
      expect(out).toContain('EVALLAB_<NAME>_API_KEY')
      expect(out).toContain('OPENAI_API_KEY / ANTHROPIC_API_KEY')
      expect(out).not.toContain('Settings →')
    }
  })
})
