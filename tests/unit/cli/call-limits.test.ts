import { describe, expect, it } from 'vitest'
import { callLimitFlags } from '../../../electron/main/cli/call-limits'
import { runCli } from './cli-helpers'

describe('evallab run / gate --request-timeout and --idle-timeout', () => {
  it.each(['run', 'gate'])('%s --help explains both, with their automatic defaults', async (command) => {
    const { code, out } = await runCli([command, '--help'])
    expect(code).toBe(0)
    expect(out).toContain('--request-timeout SECONDS')
    expect(out).toContain('--idle-timeout SECONDS')
    expect(out).toContain('default: automatic')
  })

  it('takes seconds, fractions included, within the bounds Settings allows', () => {
    expect(callLimitFlags({ 'request-timeout': '90', 'idle-timeout': '2.5' })).toEqual({
      requestTimeoutMs: 90_000,
      idleTimeoutMs: 2500,
    })
    expect(callLimitFlags({})).toEqual({})
    expect(() => callLimitFlags({ 'idle-timeout': '0.2' })).toThrow(
      '--idle-timeout must be a number of seconds from 0.5 to 600, got "0.2"',
    )
    expect(() => callLimitFlags({ 'request-timeout': 'soon' })).toThrow(/--request-timeout must be a number/)
    expect(() => callLimitFlags({ 'request-timeout': '' })).toThrow(/--request-timeout must be a number/)
  })

  it('exits 3 on a bad value before opening anything', async () => {
    const run = await runCli(['run', '--prompt', 'Triage', '--request-timeout', '0'])
    expect(run.code).toBe(3)
    expect(run.err).toContain('--request-timeout must be a number of seconds from 1 to 3600, got "0"')
    const gate = await runCli(['gate', 'evals/triage', '--idle-timeout', 'x'])
    expect(gate.code).toBe(3)
    expect(gate.err).toContain('--idle-timeout must be a number of seconds')
  })
})
