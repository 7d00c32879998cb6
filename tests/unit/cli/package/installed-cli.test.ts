import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Scorer } from '../../../../shared/domain/scoring'
import { startMockLlmServer } from '../../../fixtures/mock-llm/server'
import type { MockLlmServer } from '../../../fixtures/mock-llm/types'
import { buildSignedBaseline, triageResponder } from '../cli-helpers'
import { described, spawnCommand, type Spawned } from '../spawn-bin'
import { filesUnder, installedPackages, npmInstall, packCli } from './install-cli'
import { repoAddon, sha256, startPrebuildMirror, type PrebuildMirror } from './prebuild-mirror'

// The acceptance test of the installable CLI: pack it as a release does, install the tarball into an empty
// folder with nothing but `npm install <tarball>`, and run the installed `evallab` from there, away from
// the repo, its dev dependencies, Electron and the renderer. One install (about 10 s) serves every test.
const root = resolve(import.meta.dirname, '../../../..')
const { version } = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')))
const provider = 'support-llm'

/** A code scorer in the suite: the gate and the run score in the worker thread the package must carry. */
const categoryScorer: Scorer = {
  metric: 'code.category',
  label: 'Category (code)',
  config: {
    kind: 'code',
    source: `(output, { expected }) => {
      try { return { pass: JSON.parse(output).category === expected.category } }
      catch { return { pass: false, reason: 'not JSON' } }
    }`,
    timeLimitMs: 250,
    memoryLimitMb: 16,
  },
}

let work = ''
let folder = ''
let home = ''
let mirror: PrebuildMirror
let server: MockLlmServer
let tarball = ''
let installed = ''
const seconds = { pack: 0, install: 0 }

async function timed<T>(key: keyof typeof seconds, step: () => Promise<T>): Promise<T> {
  const started = performance.now()
  const result = await step()
  seconds[key] = Math.round((performance.now() - started) / 100) / 10
  return result
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'evallab-cli-package-'))
  mirror = await startPrebuildMirror()
  server = await startMockLlmServer({ responder: triageResponder })
  tarball = (await timed('pack', () => packCli(work))).tarball
  installed = join(work, 'ci-job')
  mkdirSync(installed)
  await timed('install', () => npmInstall(tarball, installed, mirror))
  home = join(work, 'workspace')
  const baseline = await buildSignedBaseline(home, server.openaiBaseUrl, join(work, 'repo', 'evals'), {
    ...{ provider, cases: 12, extraScorers: [categoryScorer] },
  })
  folder = baseline.folder
  writeFileSync(join(work, 'allowed-signers'), baseline.publicKey)
  console.log(`pack ${seconds.pack} s, npm install ${seconds.install} s`)
}, 300_000)

// Removing the install (about 15,000 files) takes seconds on a busy machine.
afterAll(async () => {
  await Promise.all([mirror?.close(), server?.close()])
  if (work) rmSync(work, { recursive: true, force: true })
}, 60_000)

const packageDir = (): string => join(installed, 'node_modules', '@eval-lab', 'cli')

/** The installed `evallab`, as npm linked it into node_modules/.bin, run from the CI job's folder. */
function evallab(args: readonly string[]): Promise<Spawned> {
  return spawnCommand(join(installed, 'node_modules', '.bin', 'evallab'), args, { cwd: installed })
}

describe('the CLI as an installed npm package (@eval-lab/cli)', () => {
  it('installs from the tarball alone; better-sqlite3 comes from the binary mirror, not compiled', () => {
    expect(tarball).toBe(join(work, `eval-lab-cli-${version}.tgz`))
    expect(mirror.requests).toEqual([mirror.path])
    // A node-gyp build leaves its Makefile, config.gypi and obj.target/ in build/; a prebuild only the addon.
    const build = join(installed, 'node_modules', 'better-sqlite3', 'build')
    expect(filesUnder(build)).toEqual(['Release/better_sqlite3.node'])
    expect(sha256(join(build, 'Release', 'better_sqlite3.node'))).toBe(sha256(repoAddon))
  })

  it('holds only the CLI’s files: no renderer asset, no Electron, React, ECharts or Monaco', () => {
    const manifest: unknown = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8'))
    expect(manifest).toMatchObject({
      ...{ name: '@eval-lab/cli', version, type: 'module', bin: { evallab: 'bin/evallab.mjs' } },
      engines: { node: '>=20.19' },
    })
    const files = filesUnder(packageDir())
    const chunks = files.filter((f) => f.startsWith('out/main/chunks/'))
    expect(files).toEqual(
      [
        ...['README.md', 'bin/evallab.mjs', 'package.json', 'out/main/cli.js', 'out/main/core.js'],
        ...['out/main/code-sandbox-worker.js', ...chunks],
      ].sort(),
    )
    // The chunks are the build's own, byte for byte: none comes from the renderer or the Electron main.
    for (const chunk of chunks) expect(sha256(join(packageDir(), chunk))).toBe(sha256(join(root, chunk)))
    const rendererAssets = new Set(readdirSync(join(root, 'out', 'renderer', 'assets')))
    const everyFile = filesUnder(installed).map((f) => f.split('/').at(-1) ?? '')
    expect(everyFile.filter((name) => name === 'index.html' || rendererAssets.has(name))).toEqual([])
    const packages = [...installedPackages(join(installed, 'node_modules'))]
    const appOnly =
      /^(electron|electron-vite|vite|react|react-dom|echarts|monaco-editor|zustand|@monaco-editor\/.*|@tanstack\/.*)$/
    expect(packages.filter((name) => appOnly.test(name))).toEqual([])
    expect(packages).toContain('better-sqlite3')
  })

  it('pins each dependency to the version package-lock.json installed, as the tests ran it', () => {
    const lock = z
      .object({ packages: z.record(z.string(), z.object({ version: z.string().optional() })) })
      .parse(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')))
    const manifest = z
      .object({ dependencies: z.record(z.string(), z.string()) })
      .parse(JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')))
    const pinned = Object.keys(manifest.dependencies).map((name) => [
      name,
      lock.packages[`node_modules/${name}`]?.version,
    ])
    expect(Object.entries(manifest.dependencies)).toEqual(pinned)
    expect(manifest.dependencies).not.toHaveProperty('diff')
  })

  it('npx evallab --help and --version run from the install folder', async () => {
    const help = await spawnCommand('npx', ['--no-install', 'evallab', '--help'], { cwd: installed })
    expect(help.code, described(help)).toBe(0)
    expect(help.stdout).toMatch(/^Usage: evallab <command> \[options\]/)
    const printed = await evallab(['--version'])
    expect(printed.code, described(printed)).toBe(0)
    expect(printed.stdout).toBe(`${version}\n`)
  }, 30_000)

  it('verify checks the exported bundle’s hashes and signature', async () => {
    const verify = await evallab(['verify', folder, '--allowed-signers', join(work, 'allowed-signers')])
    expect(verify.code, described(verify)).toBe(0)
    expect(verify.stdout).toContain(`verify: OK — ${folder} (1 valid signature(s))`)
  }, 30_000)

  it('gate passes the baseline model and fails a regressed one against the mock server', async () => {
    const flag = ['--provider', `${provider}=${server.openaiBaseUrl}`]
    const pass = await evallab(['gate', folder, ...flag])
    expect(pass.code, described(pass)).toBe(0)
    expect(pass.stdout).toMatch(/^Gate PASS .*Ticket triage: v1 × support-llm\/triage-good/m)
    const fail = await evallab(['gate', folder, '--model', `${provider}/triage-bad`, ...flag])
    expect(fail.code, described(fail)).toBe(1)
    expect(fail.stdout).toMatch(/^Gate FAIL .*v1 × support-llm\/triage-bad/m)
    expect(fail.stdout).toMatch(/^format\.json_schema.* fail$/m)
  }, 60_000)

  it('run scores the workspace’s prompt on its stored provider, code scorer included', async () => {
    const run = await evallab(['run', '--prompt', 'Ticket triage', '--workspace', home])
    expect(run.code, described(run)).toBe(0)
    expect(run.stdout).toMatch(/^Run "evallab run: Ticket triage v1": completed \(12\/12 calls\)/m)
    expect(run.stdout).toMatch(/^code\.category +12 +100\.0 % /m)
  }, 60_000)
})
