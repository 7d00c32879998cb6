// `npm run pack:cli`: the `evallab` CLI as its own npm package, @eval-lab/cli, for CI jobs that gate a
// baseline without cloning and building the desktop app. It holds the built CLI, every chunk the CLI
// reaches, the code scorers' worker and the repo's own bin/evallab.mjs (the package keeps the repo's
// bin/ and out/main/ layout, so the one bin file loads ../out/main/cli.js in both places); its
// dependencies are exactly the packages those files import, pinned to the versions package-lock.json
// holds: the gate in CI runs the code the app's tests ran (and better-sqlite3's prebuilt binary exists
// for that exact version), not whatever newer release a range would pick.
//
//   node scripts/pack-cli.mjs [--no-build] [--staging DIR] [--pack-destination DIR]
//
// Writes the package folder (default out/cli-package/) and `npm pack`s it into dist/ (default); the
// tarball's path is the last line printed. --no-build packs out/ as it is (the tests: the checks phase
// built it, and rebuilding out/ under other running tests would pull files from under them).
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { isBuiltin } from 'node:module'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { buildIfStale, root } from './build-if-stale.mjs'

const packageName = '@eval-lab/cli'
const binFile = 'bin/evallab.mjs'
/** The CLI, and the worker thread code scorers run in (started by URL, so no import reaches it). */
const entries = ['out/main/cli.js', 'out/main/code-sandbox-worker.js']
/** The file core/scoring/code/worker-url.ts expects beside the built module it ends up in. */
const workerFile = 'code-sandbox-worker.js'
/** Built files that belong to the desktop app: the CLI reaching one of them is a layering bug. */
const appOnly = ['out/main/index.js', 'out/main/host.js', 'out/preload/', 'out/renderer/']

class PackError extends Error {}

/** Package name of a bare import: `csv-parse/sync` → csv-parse, `@google/genai/x` → @google/genai. */
function packageOf(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * Every built file the entries reach through static and dynamic imports, and every package they import
 * (with the first file importing it), read by esbuild's parser from the built files themselves.
 */
async function importGraph() {
  const result = await build({
    ...{ absWorkingDir: root, entryPoints: entries, bundle: true, write: false, metafile: true },
    ...{ platform: 'node', format: 'esm', packages: 'external', outdir: 'unused', logLevel: 'silent' },
  }).catch((error) => ({ warnings: error.errors ?? [], failure: error }))
  const messages = result.warnings.map((w) => `${w.location?.file ?? '?'}: ${w.text}`)
  if (messages.length > 0 || result.failure) {
    const detail = messages.length > 0 ? messages.join('\n  ') : String(result.failure)
    throw new PackError(`esbuild could not follow every import of the built CLI:\n  ${detail}`)
  }
  const files = Object.keys(result.metafile.inputs).sort()
  const packages = new Map()
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const { path, external } of input.imports) {
      if (!external || isBuiltin(path)) continue
      const name = packageOf(path)
      if (!packages.has(name)) packages.set(name, { file, specifier: path })
    }
  }
  return { files, packages }
}

/** The version package-lock.json installed for a direct dependency (undefined when it has none). */
function lockedVersion(lock, name) {
  return lock.packages?.[`node_modules/${name}`]?.version
}

/** The locked version of each imported package; electron, dev-only or unlisted packages stop the pack. */
function runtimeDependencies(packages, rootPackage, lock) {
  const problems = []
  const dependencies = {}
  for (const [name, { file, specifier }] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const range = rootPackage.dependencies?.[name]
    const version = lockedVersion(lock, name)
    if (name === 'electron') problems.push(`${file} imports "${specifier}": the CLI must run in plain Node`)
    else if (range === undefined) {
      const where = rootPackage.devDependencies?.[name] ? 'only a devDependency' : 'not a dependency'
      problems.push(`${file} imports "${specifier}", which is ${where} of the root package.json`)
    } else if (version === undefined) {
      problems.push(`${name} (imported by ${file}) is not in package-lock.json: run npm install`)
    } else dependencies[name] = version
  }
  if (problems.length > 0)
    throw new PackError(`the built CLI imports packages it cannot ship with:\n  ${problems.join('\n  ')}`)
  return dependencies
}

/** The built files to ship: all under out/main/, none of the app's, the worker beside its loader. */
function checkedFiles(files) {
  const app = files.filter((f) => appOnly.some((a) => f === a || f.startsWith(a)))
  if (app.length > 0) throw new PackError(`the CLI reaches desktop-app files: ${app.join(', ')}`)
  const outside = files.filter((f) => !f.startsWith('out/main/'))
  if (outside.length > 0)
    throw new PackError(`the CLI reaches files outside out/main/: ${outside.join(', ')}`)
  // worker-url.ts names the worker relative to its own module (`new URL('./code-sandbox-worker.js',
  // import.meta.url)`): wherever the bundler puts that code, the worker must sit in the same folder.
  const loaders = files.filter((f) => readFileSync(join(root, f), 'utf8').includes(`"./${workerFile}"`))
  if (loaders.length === 0)
    throw new PackError(`no built file names ./${workerFile}: update pack-cli's check`)
  const misplaced = loaders.filter((f) => !files.includes(`${dirname(f)}/${workerFile}`))
  if (misplaced.length > 0) {
    throw new PackError(
      `${misplaced.join(', ')} load ./${workerFile} from beside themselves, where none is built`,
    )
  }
  return files
}

function packageJson(rootPackage, dependencies, files) {
  const optional = Object.fromEntries(
    ['license', 'repository', 'homepage', 'bugs', 'author'].flatMap((key) =>
      rootPackage[key] === undefined ? [] : [[key, rootPackage[key]]],
    ),
  )
  return {
    name: packageName,
    version: rootPackage.version,
    description: 'The Eval Lab command line: run prompt suites and gate them on signed baselines in CI',
    ...optional,
    type: 'module',
    bin: { evallab: binFile },
    files: [binFile, ...files],
    engines: { node: rootPackage.engines?.node ?? '>=20.19' },
    dependencies,
    publishConfig: { access: 'public' },
  }
}

function readme({ version, engines }) {
  return `# ${packageName}

The \`evallab\` command of Eval Lab without the desktop app: run a prompt's suite, verify a signed
baseline folder and gate a candidate on it in CI, on the same core as the app. Needs Node ${engines.node}.

\`\`\`sh
npm install --no-save ${packageName}@${version}
npx evallab verify evals/ticket-triage
npx evallab gate evals/ticket-triage --junit gate.xml
\`\`\`

\`evallab --help\` lists the commands (run, gate, verify, export, import, export-results);
\`evallab <command> --help\` their options. Exit codes: 0 ok/pass, 1 fail, 2 inconclusive (gate),
3 usage or I/O error, 4 internal error (a bug).

better-sqlite3 is installed for your Node version: from its prebuilt binaries, or compiled when none
can be downloaded (set \`npm_config_better_sqlite3_binary_host\` to a mirror on a closed network).
`
}

/** Empties the package folder of a previous pack; any other non-empty folder (a mistyped --staging) stays. */
function clearStaging(staging) {
  if (!existsSync(staging) || readdirSync(staging).length === 0) return
  const manifest = join(staging, 'package.json')
  const name = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).name : undefined
  if (name !== packageName)
    throw new PackError(`${staging} is not empty and not a ${packageName} package folder`)
  rmSync(staging, { recursive: true, force: true })
}

/** A fresh package folder: the built files at their out/ paths, the repo's bin, package.json, README. */
function assemble(staging, files, manifest) {
  clearStaging(staging)
  for (const file of [binFile, ...files]) {
    mkdirSync(dirname(join(staging, file)), { recursive: true })
    copyFileSync(join(root, file), join(staging, file))
  }
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  writeFileSync(join(staging, 'README.md'), readme(manifest))
}

/** `npm pack` of the folder; the tarball's absolute path. Uses the npm running this script when there is one. */
function npmPack(staging, destination) {
  mkdirSync(destination, { recursive: true })
  const npmCli = process.env.npm_execpath
  const [command, prefix] =
    npmCli && basename(npmCli) === 'npm-cli.js' ? [process.execPath, [npmCli]] : ['npm', []]
  const args = [...prefix, 'pack', '--json', '--pack-destination', destination]
  const packed = spawnSync(command, args, {
    ...{ cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    shell: command === 'npm' && process.platform === 'win32',
  })
  if (packed.status !== 0) throw new PackError(`npm pack failed (exit ${packed.status ?? packed.signal})`)
  const [summary] = JSON.parse(packed.stdout)
  return resolve(destination, summary.filename)
}

async function main() {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean' },
      staging: { type: 'string', default: join(root, 'out', 'cli-package') },
      'pack-destination': { type: 'string', default: join(root, 'dist') },
    },
  })
  if (!values['no-build']) buildIfStale()
  const missing = entries.filter((entry) => !existsSync(join(root, entry)))
  if (missing.length > 0) throw new PackError(`${missing.join(', ')} missing: run npm run build`)
  const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  if (rootPackage.license === undefined) {
    console.error('pack-cli: note: the root package.json has no "license"; the CLI package has none either')
  }
  const graph = await importGraph()
  const files = checkedFiles(graph.files)
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
  const dependencies = runtimeDependencies(graph.packages, rootPackage, lock)
  const manifest = packageJson(rootPackage, dependencies, files)
  const staging = resolve(values.staging)
  assemble(staging, files, manifest)
  console.log(`${packageName}@${manifest.version}: ${files.length} built files in ${staging}`)
  console.log(`dependencies: ${Object.keys(manifest.dependencies).join(', ')}`)
  console.log(npmPack(staging, resolve(values['pack-destination'])))
}

try {
  await main()
} catch (error) {
  if (!(error instanceof PackError)) throw error
  console.error(`pack-cli: ${error.message}`)
  process.exit(1)
}
