#!/usr/bin/env node
/**
 * `npm run dist [-- --mac | --win | --linux | --dir]`: the desktop installers, written to dist/.
 *
 * 1. Decides what is signed and notarised from the environment (scripts/packaging/signing.ts) and prints
 *    one line per thing skipped, naming the variable that would turn it on.
 * 2. Builds out/ with electron-vite when a source is newer than the build.
 * 3. Runs electron-builder (its JS API) with package.json "build" and the signing plan merged over it.
 *    Its native-dependency step rebuilds better-sqlite3 for Electron's ABI in node_modules and packs that
 *    build into app.asar.unpacked; the Node build is put back afterwards (scripts/packaging/
 *    node-addon-guard.ts). Package through this script, not `npx electron-builder`, for that reason.
 */
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { build } from 'electron-builder'
import { tsImport } from 'tsx/esm/api'
import { buildIfStale, root } from './build-if-stale.mjs'

const log = (line) => console.log(`[dist] ${line}`)
const fail = (message) => {
  console.error(`[dist] ${message}`)
  process.exit(1)
}

const { parseDistArgs, hostTarget, DistArgsError } = await tsImport(
  './packaging/dist-args.ts',
  import.meta.url,
)
const { planSigning, SigningConfigError } = await tsImport('./packaging/signing.ts', import.meta.url)
const { guardNodeAddon } = await tsImport('./packaging/node-addon-guard.ts', import.meta.url)

function readRequest() {
  try {
    return parseDistArgs(process.argv.slice(2))
  } catch (error) {
    if (error instanceof DistArgsError) fail(error.message)
    throw error
  }
}

function readPlan(platforms) {
  try {
    return planSigning(platforms, { ...process.env }, process.platform)
  } catch (error) {
    if (error instanceof SigningConfigError) fail(error.message)
    throw error
  }
}

async function main() {
  const request = readRequest()
  const platforms = request.platforms.length > 0 ? request.platforms : [hostTarget(process.platform)]
  const plan = readPlan(platforms)
  for (const line of plan.skipped) log(line)
  for (const line of plan.enabled) log(line)

  buildIfStale()
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) fail('out/main/index.js is missing after the build')

  // electron-builder reads these (CSC_IDENTITY_AUTO_DISCOVERY) from process.env while it packages.
  Object.assign(process.env, plan.env)
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3')
  const restoreNodeAddon = guardNodeAddon(sqliteDir)
  try {
    const options = { projectDir: root, publish: 'never', dir: request.dir, config: plan.config }
    for (const platform of request.platforms) options[platform] = []
    const artifacts = await build(options)
    for (const file of artifacts) log(`wrote ${relative(root, file)}`)
    if (request.dir) log('unpacked app(s) in dist/ (see dist/*-unpacked, dist/mac*/)')
  } finally {
    if (restoreNodeAddon().restored)
      log('restored the Node build of better-sqlite3 in node_modules (tests and the CLI load it)')
  }
}

await main()
