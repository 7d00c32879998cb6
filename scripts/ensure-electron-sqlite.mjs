#!/usr/bin/env node
/**
 * Makes sure a better-sqlite3 addon built for Electron's ABI exists before `electron-vite preview/dev`.
 *
 * node_modules/better-sqlite3/build stays the Node 20 build (module version 115) that tests, the CLI and
 * the Node host load; Electron 45 needs module version 150. This script builds the Electron one in a
 * temporary copy of the package and stores it beside the Node one, so neither side breaks the other.
 *
 * Layout rule (the same as electron/main/native-binding.ts, which the app uses at runtime):
 *
 *   <project>/.native/electron-v<electronVersion>-<platform>-<arch>/better_sqlite3.node
 *   <project>/.native/electron-v<electronVersion>-<platform>-<arch>/build-info.json
 *
 * build-info.json records the better-sqlite3 version, so upgrading that package triggers a rebuild.
 *
 * Order: prebuild-install (downloads a prebuilt binary from GitHub), then node-gyp (compiles against
 * Electron's headers from electronjs.org, or from EVALLAB_ELECTRON_HEADERS if set: a folder holding the
 * unpacked node-v<electronVersion>-headers.tar.gz). npm's `nodedir` setting is removed from both
 * children: on machines where it points at /usr, node-gyp would silently compile against Node's own
 * headers and "succeed" with the wrong ABI. The result is checked by loading it under this Node: a
 * binary that loads here was built for Node, not Electron, and is rejected.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const BINDING_FILE = 'better_sqlite3.node'
const PREBUILD_TIMEOUT_MS = 2 * 60 * 1000
const GYP_TIMEOUT_MS = 20 * 60 * 1000

/** Mirrors nativeBindingDirName() in electron/main/native-binding.ts. */
function nativeBindingDirName(electronVersion, platform, arch) {
  return `electron-v${electronVersion.replace(/^v/, '')}-${platform}-${arch}`
}

function log(message) {
  console.log(`[electron-sqlite] ${message}`)
}

class SetupError extends Error {}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

function readTarget() {
  const electronDir = join(root, 'node_modules', 'electron')
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3')
  if (!existsSync(join(electronDir, 'package.json')))
    throw new SetupError('node_modules/electron is missing: run npm ci')
  if (!existsSync(join(sqliteDir, 'package.json')))
    throw new SetupError('node_modules/better-sqlite3 is missing: run npm ci')
  const electronVersion = readJson(join(electronDir, 'package.json')).version
  const abiFile = join(electronDir, 'abi_version')
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : undefined
  const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version
  return { electronVersion, abi, sqliteVersion, sqliteDir, platform: process.platform, arch: process.arch }
}

/** 'current', 'stale' (older better-sqlite3 or Electron), 'manual' (placed by hand) or 'missing'. */
function existingBuild(outDir, target) {
  const infoFile = join(outDir, 'build-info.json')
  if (!existsSync(join(outDir, BINDING_FILE))) return 'missing'
  if (!existsSync(infoFile)) return 'manual'
  try {
    const info = readJson(infoFile)
    const current = info.betterSqlite3 === target.sqliteVersion && info.electron === target.electronVersion
    return current ? 'current' : 'stale'
  } catch {
    return 'stale'
  }
}

/** The child environment without npm's nodedir, whatever its case (see the header comment). */
function childEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]
  return env
}

function run(label, args, cwd, timeout) {
  log(`${label}: node ${args.map((arg) => (arg.startsWith(root) ? relative(root, arg) : arg)).join(' ')}`)
  const result = spawnSync(process.execPath, args, { cwd, env: childEnv(), stdio: 'inherit', timeout })
  if (result.error) log(`${label} did not finish: ${result.error.message}`)
  else if (result.status !== 0) log(`${label} exited with ${result.status ?? result.signal}`)
  return !result.error && result.status === 0
}

function tryPrebuild(workDir, target) {
  const bin = join(root, 'node_modules', 'prebuild-install', 'bin.js')
  if (!existsSync(bin)) return (log('prebuild-install is not installed; skipping the download'), false)
  const args = [bin, '--runtime', 'electron', '--target', target.electronVersion]
  args.push('--arch', target.arch, '--platform', target.platform, '--verbose')
  return run('download a prebuilt binary', args, workDir, PREBUILD_TIMEOUT_MS)
}

/** node-gyp ships inside npm; npm also names it in npm_config_node_gyp when it runs a script. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    process.env.npm_execpath &&
      join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ]
  const found = candidates.find((path) => path && path.endsWith('.js') && existsSync(path))
  if (found) return found
  try {
    return createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js')
  } catch {
    return undefined
  }
}

function tryCompile(workDir, target) {
  const nodeGyp = findNodeGyp()
  if (!nodeGyp) return (log('node-gyp not found (it ships with npm); cannot compile'), false)
  const args = [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${target.electronVersion}`]
  args.push(`--arch=${target.arch}`, '--jobs=max')
  const headers = process.env.EVALLAB_ELECTRON_HEADERS
  if (headers) args.push(`--nodedir=${resolve(headers)}`)
  else args.push('--dist-url=https://electronjs.org/headers')
  log('compiling from source (about 75 s on 2 cores)')
  return run('compile with node-gyp', args, workDir, GYP_TIMEOUT_MS)
}

/**
 * A binary built for Electron must NOT load under this Node: Node refuses it with "compiled against
 * ... NODE_MODULE_VERSION <abi>". One that loads was built against Node's headers (the nodedir trap).
 */
function checkAbi(file, target) {
  const probe = `try { process.dlopen({ exports: {} }, ${JSON.stringify(file)}); console.log('LOADED') } catch (e) { console.log(e.message) }`
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: childEnv() })
  const output = `${result.stdout ?? ''}`.trim()
  if (output === 'LOADED')
    throw new SetupError(
      `the build loads under Node ${process.version}: it was compiled for Node's ABI, not Electron's`,
    )
  if (target.abi && output.includes(`NODE_MODULE_VERSION ${target.abi}`))
    return log(`ABI check: module version ${target.abi}`)
  log(`ABI check inconclusive (${output.split('\n')[0] || `exit ${result.status}`}); keeping the build`)
}

function install(builtFile, outDir, target, method) {
  mkdirSync(outDir, { recursive: true })
  // Copy then rename, so an interrupted run never leaves a half-written addon where the app looks.
  const partial = join(outDir, `${BINDING_FILE}.partial`)
  copyFileSync(builtFile, partial)
  renameSync(partial, join(outDir, BINDING_FILE))
  const info = {
    electron: target.electronVersion,
    abi: target.abi,
    betterSqlite3: target.sqliteVersion,
    platform: target.platform,
    arch: target.arch,
    method,
    builtAt: new Date().toISOString(),
  }
  writeFileSync(join(outDir, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`)
}

function build(target, outDir) {
  const workDir = mkdtempSync(join(tmpdir(), 'evallab-sqlite-'))
  try {
    // A copy without build/: the real package keeps its Node build untouched.
    log(`copying better-sqlite3 ${target.sqliteVersion} to ${workDir}`)
    cpSync(target.sqliteDir, workDir, {
      recursive: true,
      filter: (src) => src !== join(target.sqliteDir, 'build'),
    })
    const builtFile = join(workDir, 'build', 'Release', BINDING_FILE)
    let method = 'prebuild-install'
    if (!(tryPrebuild(workDir, target) && existsSync(builtFile))) {
      method = 'node-gyp'
      rmSync(join(workDir, 'build'), { recursive: true, force: true })
      if (!(tryCompile(workDir, target) && existsSync(builtFile)))
        throw new SetupError(failureHelp(target, outDir))
    }
    checkAbi(builtFile, target)
    install(builtFile, outDir, target, method)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

function failureHelp(target, outDir) {
  return [
    `could not get better-sqlite3 ${target.sqliteVersion} for Electron ${target.electronVersion} (${target.platform}-${target.arch}).`,
    '  Both ways need the network: the prebuilt binary comes from github.com, the headers from electronjs.org.',
    "  Offline, either unpack Electron's headers (node-v<version>-headers.tar.gz) and set",
    '  EVALLAB_ELECTRON_HEADERS=<that folder>, or put a binary built elsewhere at',
    `  ${join(outDir, BINDING_FILE)}`,
    '  Tests, the CLI and `npm run web` do not need this build.',
  ].join('\n')
}

function main() {
  const target = readTarget()
  const outDir = join(
    root,
    '.native',
    nativeBindingDirName(target.electronVersion, target.platform, target.arch),
  )
  const file = join(outDir, BINDING_FILE)
  const state = existingBuild(outDir, target)
  if (state === 'current') return log(`up to date: ${relative(root, file)}`)
  if (state === 'manual') {
    // Someone put a binary there by hand (e.g. built on another machine): keep it unless it is Node's.
    log(`using ${relative(root, file)} (placed by hand: no build-info.json)`)
    return checkAbi(file, target)
  }
  if (state === 'stale') log('the existing build is for another better-sqlite3 or Electron version')
  log(
    `building better-sqlite3 ${target.sqliteVersion} for Electron ${target.electronVersion} (ABI ${target.abi ?? '?'})`,
  )
  build(target, outDir)
  log(`ready: ${relative(root, file)}`)
}

try {
  main()
} catch (error) {
  const message = error instanceof SetupError ? error.message : (error?.stack ?? String(error))
  console.error(`[electron-sqlite] FAILED: ${message}`)
  process.exit(1)
}
