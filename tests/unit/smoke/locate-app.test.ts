import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decidePackagedApp, isRequired, packagedAppCandidates, type AppSearch } from '../../smoke/locate-app'

const root = join('/', 'repo')
const linuxApp = join(root, 'dist', 'linux-unpacked', 'eval-lab')

function search(overrides: Partial<AppSearch> & { files?: string[] } = {}): AppSearch {
  const files = new Set(overrides.files ?? [])
  return {
    platform: 'linux',
    root,
    env: {},
    electronBinaryInstalled: false,
    isFile: (path) => files.has(path),
    ...overrides,
  }
}

describe('packagedAppCandidates', () => {
  it('names the executable electron-builder writes for each platform, in the order they are tried', () => {
    expect(packagedAppCandidates('linux', root)).toEqual([
      linuxApp,
      join(root, 'dist', 'linux-arm64-unpacked', 'eval-lab'),
    ])
    const macOs = (folder: string) =>
      join(root, 'dist', folder, 'Eval Lab.app', 'Contents', 'MacOS', 'Eval Lab')
    expect(packagedAppCandidates('darwin', root)).toEqual([
      macOs('mac-universal'),
      macOs('mac-arm64'),
      macOs('mac'),
    ])
    expect(packagedAppCandidates('win32', root)).toEqual([
      join(root, 'dist', 'win-unpacked', 'Eval Lab.exe'),
      join(root, 'dist', 'win-arm64-unpacked', 'Eval Lab.exe'),
    ])
    expect(packagedAppCandidates('freebsd', root)).toEqual([])
  })
})

describe('decidePackagedApp', () => {
  it('launches the first packaged executable found', () => {
    const macUniversal = packagedAppCandidates('darwin', root)[0] ?? ''
    const macArm = packagedAppCandidates('darwin', root)[1] ?? ''
    expect(decidePackagedApp(search({ files: [linuxApp] }))).toEqual({ kind: 'launch', executable: linuxApp })
    const mac = search({ platform: 'darwin', env: { CI: 'true' }, files: [macArm, macUniversal] })
    expect(decidePackagedApp(mac)).toEqual({ kind: 'launch', executable: macUniversal })
  })

  it('skips with a reason naming every path looked at and why the binary is missing', () => {
    const decision = decidePackagedApp(search())
    expect(decision.kind).toBe('skip')
    const reason = decision.kind === 'skip' ? decision.reason : ''
    for (const path of packagedAppCandidates('linux', root)) expect(reason).toContain(path)
    expect(reason).toContain('EVALLAB_PACKAGED_APP')
    expect(reason).toContain('node_modules/electron has no dist/ and no path.txt')
  })

  it('says how to build the app when the Electron binary is there', () => {
    const decision = decidePackagedApp(search({ electronBinaryInstalled: true }))
    expect(decision).toMatchObject({ kind: 'skip', reason: expect.stringContaining('npm run dist -- --dir') })
    expect(decision.kind === 'skip' && decision.reason).not.toContain('no path.txt')
  })

  it('fails with the same reason when the run requires the app', () => {
    const skipped = decidePackagedApp(search())
    const required = decidePackagedApp(search({ env: { EVALLAB_REQUIRE_PACKAGED_APP: '1' } }))
    expect(required.kind).toBe('fail')
    expect(required.kind === 'fail' && required.reason).toBe(skipped.kind === 'skip' && skipped.reason)
  })

  it('launches the override, and fails when it names no file even if the app is not required', () => {
    const override = join('/', 'opt', 'Eval Lab', 'eval-lab')
    const env = { EVALLAB_PACKAGED_APP: override }
    expect(decidePackagedApp(search({ env, files: [override, linuxApp] }))).toEqual({
      kind: 'launch',
      executable: override,
    })
    expect(decidePackagedApp(search({ env, files: [linuxApp] }))).toEqual({
      kind: 'fail',
      reason: `EVALLAB_PACKAGED_APP=${override} is not a file.`,
    })
  })

  it('does not launch on macOS or Windows outside CI, where the user-data folder cannot be isolated', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const files = packagedAppCandidates(platform, root)
      const local = decidePackagedApp(search({ platform, files }))
      expect(local).toMatchObject({ kind: 'skip', reason: expect.stringContaining('CI=true') })
      const required = decidePackagedApp(
        search({ platform, files, env: { EVALLAB_REQUIRE_PACKAGED_APP: '1' } }),
      )
      expect(required.kind).toBe('fail')
      expect(decidePackagedApp(search({ platform, files, env: { CI: 'true' } })).kind).toBe('launch')
    }
  })

  it('explains an unsupported platform instead of listing no path', () => {
    const decision = decidePackagedApp(search({ platform: 'aix' }))
    expect(decision).toMatchObject({ kind: 'skip', reason: expect.stringContaining('"aix"') })
  })
})

describe('isRequired', () => {
  it('reads the release workflow flag; empty, 0 and false do not require', () => {
    expect(isRequired({ EVALLAB_REQUIRE_PACKAGED_APP: '1' })).toBe(true)
    expect(isRequired({ EVALLAB_REQUIRE_PACKAGED_APP: 'true' })).toBe(true)
    for (const value of [undefined, '', ' ', '0', 'false', 'FALSE']) {
      expect(isRequired({ EVALLAB_REQUIRE_PACKAGED_APP: value })).toBe(false)
    }
  })
})
