import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DistArgsError, hostTarget, parseDistArgs } from '../../../scripts/packaging/dist-args'
import { guardNodeAddon } from '../../../scripts/packaging/node-addon-guard'

describe('parseDistArgs', () => {
  it('passes the platform flags and --dir through, once each', () => {
    expect(parseDistArgs([])).toEqual({ platforms: [], dir: false })
    expect(parseDistArgs(['--linux', '--dir'])).toEqual({ platforms: ['linux'], dir: true })
    expect(parseDistArgs(['--mac', '--win', '--mac'])).toEqual({ platforms: ['mac', 'win'], dir: false })
  })

  it('refuses anything else instead of dropping it', () => {
    expect(() => parseDistArgs(['--linux', '--publish'])).toThrow(DistArgsError)
    expect(() => parseDistArgs(['-l'])).toThrow(
      /unknown option "-l": use --mac, --win, --linux and\/or --dir/,
    )
  })

  it('packages for the machine it runs on when no platform is named', () => {
    expect(hostTarget('darwin')).toBe('mac')
    expect(hostTarget('win32')).toBe('win')
    expect(hostTarget('linux')).toBe('linux')
  })
})

describe('guardNodeAddon', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  function fakePackage(): { addon: string; marker: string } {
    dir = mkdtempSync(join(tmpdir(), 'evallab-guard-'))
    mkdirSync(join(dir, 'build', 'Release'), { recursive: true })
    const addon = join(dir, 'build', 'Release', 'better_sqlite3.node')
    writeFileSync(addon, 'node abi 115')
    return { addon, marker: join(dir, 'build', 'Release', '.forge-meta') }
  }

  it("puts the Node build back after electron-builder's rebuild, and drops the rebuild marker", () => {
    const { addon, marker } = fakePackage()
    const restore = guardNodeAddon(dir)
    writeFileSync(addon, 'electron abi 150')
    writeFileSync(marker, 'linux--x64--150')
    expect(restore()).toEqual({ restored: true })
    expect(readFileSync(addon, 'utf8')).toBe('node abi 115')
    // Left behind, the marker would let the next packaging skip the rebuild and pack the Node build.
    expect(existsSync(marker)).toBe(false)
  })

  it('leaves an unchanged addon alone, and does nothing without one', () => {
    const { addon } = fakePackage()
    expect(guardNodeAddon(dir)()).toEqual({ restored: false })
    expect(readFileSync(addon, 'utf8')).toBe('node abi 115')
    expect(guardNodeAddon(join(dir, 'absent'))()).toEqual({ restored: false })
  })
})
