import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import Ajv from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import { JS_FLAGS } from '../../../electron/main/launch-flags'
import { PACKAGED_BINDING } from '../../../electron/main/native-binding'
import { filesUnder, isFile, matcherFor, pngSize, root, workerClosure } from './packaged-files'

/**
 * package.json "build" — the electron-builder configuration of the installers — checked without
 * packaging (electron-builder's --dir needs an Electron download): against electron-builder's own schema,
 * with its own file matcher, and against the built out/ folder (the checks phase builds before unit tests).
 */

interface TargetEntry {
  target: string
  arch: string[]
}
interface BuildConfig {
  appId: string
  productName: string
  artifactName: string
  directories: { output: string; buildResources: string }
  icon: string
  files: string[]
  asarUnpack: string[]
  npmRebuild: boolean
  mac: { target: TargetEntry[]; category: string; hardenedRuntime: boolean; notarize?: boolean }
  win: { target: TargetEntry[] }
  linux: { target: TargetEntry[]; executableName: string; executableArgs: string[]; category: string }
  [key: string]: unknown
}
interface PackageJson {
  main: string
  author: { name: string; email: string }
  homepage: string
  scripts: Record<string, string>
  build: BuildConfig
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson
const build = pkg.build
const schemaFile = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json')

describe('electron-builder configuration (package.json "build")', () => {
  let validate: ReturnType<Ajv['compile']>
  beforeAll(() => {
    // The schema electron-builder validates its configuration with (app-builder-lib/scheme.json); strict
    // off as electron-builder has it, for the schema's own `typeof` keyword. Not inlining its 70-odd
    // definitions nor optimising the generated code changes no verdict and compiles it about 4× faster.
    const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false, code: { optimize: false } })
    validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object)
  })

  it("is valid against electron-builder's own schema", () => {
    const valid = validate(build)
    expect(validate.errors ?? [], 'schema errors').toEqual([])
    expect(valid).toBe(true)
  })

  it('and the schema check has teeth: a misspelt option is refused', () => {
    expect(validate({ ...build, mac: { ...build.mac, hardenedRuntme: true } })).toBe(false)
    expect(
      validate({ ...build, linux: { ...build.linux, target: [{ target: 'AppImage', arch: ['sparc'] }] } }),
    ).toBe(false)
  })

  it('names the app as decided, and writes installers to dist/', () => {
    expect(build.appId).toBe('dev.evallab.desktop')
    expect(build.productName).toBe('Eval Lab')
    expect(build.linux.executableName).toBe('eval-lab')
    expect(build.directories.output).toBe('dist')
    expect(build.artifactName).toBe('Eval-Lab-${version}-${os}-${arch}.${ext}')
  })

  it('builds a universal macOS dmg, a Windows x64 nsis, and Linux x64 AppImage and deb — and nothing else', () => {
    expect(build.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }])
    expect(build.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(build.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ])
    expect(build.mac.category).toBe('public.app-category.developer-tools')
    expect(build.mac.hardenedRuntime).toBe(true)
    // Notarization is decided per run by scripts/package-app.mjs from the environment, never fixed here.
    expect(build.mac.notarize).toBeUndefined()
  })

  it('starts the Linux app from its menu entry with the heap cap, so it need not relaunch (launch-flags.ts)', () => {
    expect(build.linux.executableArgs).toEqual([`--js-flags=${JS_FLAGS}`])
  })

  it('gives the deb its maintainer and homepage (electron-builder refuses a deb without an author email)', () => {
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/)
    expect(pkg.homepage).toMatch(/^https:\/\//)
  })

  it("rebuilds native modules for Electron with electron-builder's own step, through npm run dist", () => {
    expect(build.npmRebuild).toBe(true)
    expect(pkg.scripts.dist).toBe('node scripts/package-app.mjs')
  })

  it('packs only the built app: no sources, tests, source maps, .env files, docs or scripts', () => {
    const included = matcherFor(build.files)
    const tracked = [
      'electron',
      'renderer',
      'shared',
      'tests',
      'docs',
      'bench',
      'scripts',
      'bin',
      'resources',
    ]
    const candidates = [...tracked.flatMap(filesUnder), ...filesUnder('out')]
    const packed = candidates.filter(included)
    const outside = packed.filter((file) => !/^out\/(main|preload|renderer)\//.test(file))
    expect(outside, 'packed files outside out/main, out/preload, out/renderer').toEqual([])
    expect(packed.filter((file) => file.endsWith('.map'))).toEqual([])
    for (const file of [
      '.env',
      '.env.local',
      'out/main/.env',
      'out/main/index.js.map',
      'out/renderer/assets/App.js.map',
      'tests/e2e/journey.spec.ts',
      'tests/unit/cli/built-cli.setup.ts',
      'README.md',
    ])
      expect(included(file), file).toBe(false)
  })

  it('packs what the app runs: main, preload and renderer', () => {
    const included = matcherFor(build.files)
    for (const file of [pkg.main, 'out/main/core.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
      expect(included(file), file).toBe(true)
  })

  it("keeps better-sqlite3's addon and JavaScript, dropping its sources and build leftovers", () => {
    // electron-builder applies only the "!" patterns of `files` to node_modules (getNodeModuleFileMatcher).
    const nodeModules = matcherFor(['**/*', ...build.files.filter((pattern) => pattern.startsWith('!'))])
    const dir = 'node_modules/better-sqlite3'
    for (const file of [
      PACKAGED_BINDING,
      `${dir}/lib/index.js`,
      `${dir}/lib/methods/transaction.js`,
      `${dir}/package.json`,
    ])
      expect(nodeModules(file), file).toBe(true)
    for (const file of [
      `${dir}/deps/sqlite3/sqlite3.c`,
      `${dir}/src/better_sqlite3.cpp`,
      `${dir}/build/Release/test_extension.node`,
      `${dir}/build/Release/.forge-meta`,
      `${dir}/build/Release/obj.target/better_sqlite3/src/better_sqlite3.o`,
    ])
      expect(nodeModules(file), file).toBe(false)
  })

  it('unpacks the native addon from the asar archive, where the app looks for it (native-binding.ts)', () => {
    const unpacked = matcherFor(build.asarUnpack)
    expect(unpacked(PACKAGED_BINDING)).toBe(true)
    expect(unpacked('out/main/index.js')).toBe(false)
    expect(unpacked('out/renderer/index.html')).toBe(false)
  })

  it("unpacks the code scorer's worker and everything it loads (a worker thread starts from a real file)", () => {
    const unpacked = matcherFor(build.asarUnpack)
    const { builtFiles, packageDirs } = workerClosure('out/main/code-sandbox-worker.js')
    expect(builtFiles).toContain('out/main/code-sandbox-worker.js')
    expect(packageDirs).toEqual(
      expect.arrayContaining(['node_modules/quickjs-emscripten', 'node_modules/zod']),
    )
    const files = [...builtFiles, ...packageDirs.flatMap(filesUnder)]
    // QuickJS reads its WebAssembly from a path beside its module: it must be a real file too.
    expect(files.some((file) => file.endsWith('.wasm'))).toBe(true)
    expect(
      files.filter((file) => !unpacked(file)),
      'files the worker loads but asar keeps packed',
    ).toEqual([])
  })

  it('points every platform at the committed icon, at least 512 px square', () => {
    expect(build.icon).toBe('resources/icons/icon.png')
    for (const platform of ['mac', 'win', 'linux'] as const)
      expect((build[platform] as { icon?: string }).icon ?? build.icon).toBe(build.icon)
    expect(isFile('resources/icons/icon.svg')).toBe(true)
    const { width, height } = pngSize(build.icon)
    expect(width).toBe(height)
    expect(width).toBeGreaterThanOrEqual(512)
  })

  it('has the main entry it packs, once built (run `npm run build` first)', () => {
    for (const file of [
      pkg.main,
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/main/code-sandbox-worker.js',
    ])
      expect(isFile(file), `${file} is missing: run npm run build first`).toBe(true)
  })
})
