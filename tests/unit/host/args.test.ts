import { describe, expect, it } from 'vitest'
import { parseHostArgs } from '../../../electron/main/host/args'

describe('parseHostArgs', () => {
  it('seeds the demo and opens a browser on any free port by default', () => {
    expect(parseHostArgs([])).toEqual({
      help: false,
      port: 0,
      home: undefined,
      openBrowser: true,
      seedDemo: true,
    })
  })

  it('starts a new workspace empty with --no-demo, for a team trying its own data first', () => {
    const args = parseHostArgs(['--no-demo', '--no-open', '--home', '/tmp/w', '--port', '8123'])
    expect(args).toEqual({ help: false, port: 8123, home: '/tmp/w', openBrowser: false, seedDemo: false })
  })

  it('names the flag of a bad port or an unknown option', () => {
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(/--port must be 0–65535, got "70000"/)
    expect(() => parseHostArgs(['--port', 'abc'])).toThrow(/--port/)
    expect(() => parseHostArgs(['--demo-off'])).toThrow(/--demo-off/)
  })
})
