import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, posix, relative, resolve } from 'node:path'
import { FileMatcher } from 'app-builder-lib/out/fileMatcher'
import ts from 'typescript'

/**
 * Helpers for the packaging config test: electron-builder's own file matcher (the class it builds the
 * `files` and `asarUnpack` filters with), and the set of files the code scorer's worker thread loads.
 */

export const root = resolve(import.meta.dirname, '../../..')

const fileStat = { isDirectory: () => false, isFile: () => true, isSymbolicLink: () => false }

/** electron-builder's filter for a list of patterns, asked about a project-relative file path. */
export function matcherFor(patterns: string[]): (file: string) => boolean {
  const filter = new FileMatcher(root, root, (pattern) => pattern, patterns).createFilter()
  // The filter reads only isDirectory() (and, for node_modules files, moduleFullFilePath, unset here).
  return (file) => filter(join(root, file), fileStat as unknown as Parameters<typeof filter>[1])
}

/** Every file under a folder, project-relative with forward slashes. */
export function filesUnder(dir: string): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
}

/** Static and dynamic import specifiers of a built file, read by TypeScript's own pre-processor. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true)
  return importedFiles.map((entry) => entry.fileName)
}

/** Where Node resolves a package from a file: the nearest node_modules/<name> up the tree. */
function packageDir(fromFile: string, name: string): string {
  for (let dir = dirname(join(root, fromFile)); dir.startsWith(root); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return relative(root, candidate).split('\\').join('/')
    if (dir === root) break
  }
  throw new Error(`${name} (imported by ${fromFile}) is not installed`)
}

const packageName = (specifier: string): string =>
  specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] ?? specifier)

interface PackageJson {
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

/** A package folder and, through its runtime dependencies, every package folder it can load. */
function addPackage(dir: string, found: Set<string>): void {
  if (found.has(dir)) return
  found.add(dir)
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as PackageJson
  const names = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })
  for (const name of names) {
    try {
      addPackage(packageDir(`${dir}/package.json`, name), found)
    } catch {
      // An optional dependency for another platform is legitimately absent.
      if (!(manifest.optionalDependencies && name in manifest.optionalDependencies)) throw new Error(name)
    }
  }
}

/**
 * What the worker thread loads, starting from its entry: the built files it imports (followed
 * recursively) and the package folders those import, with their runtime dependencies.
 */
export function workerClosure(entry: string): { builtFiles: string[]; packageDirs: string[] } {
  const builtFiles = new Set<string>()
  const packageDirs = new Set<string>()
  const queue = [entry]
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (builtFiles.has(file)) continue
    builtFiles.add(file)
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('node:')) continue
      if (specifier.startsWith('.')) queue.push(posix.join(posix.dirname(file), specifier))
      else addPackage(packageDir(file, packageName(specifier)), packageDirs)
    }
  }
  return { builtFiles: [...builtFiles].sort(), packageDirs: [...packageDirs].sort() }
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(join(root, file))
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR')
    throw new Error(`${file} is not a PNG`)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

export const isFile = (file: string): boolean =>
  existsSync(join(root, file)) && statSync(join(root, file)).isFile()
