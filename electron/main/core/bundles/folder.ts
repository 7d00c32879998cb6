import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../../../shared/contract'
import type { BundleFile, VerifyProblem } from '../../../../shared/domain/bundles'
import { writingFile } from '../failures'
import { bundlePaths, type BundleFiles, type BundlePath } from './format'
import { sha256Ref } from './hash'

const knownPaths: readonly BundlePath[] = Object.values(bundlePaths)
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The file's text, refusing what would make hashes depend on the machine: a byte-order mark, CRLF endings
 * (git's autocrlf on Windows is the usual cause) and bytes that are not UTF-8.
 */
function decodeBundleText(bytes: Buffer, path: BundlePath): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new AppError(
      'INVALID_INPUT',
      `${path}: starts with a byte-order mark; save it as UTF-8 without BOM`,
    )
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new AppError('INVALID_INPUT', `${path}: is not valid UTF-8`)
  }
  if (text.includes('\r')) {
    throw new AppError(
      'INVALID_INPUT',
      `${path}: has CR (Windows) line endings; the folder must use LF (set "* text eol=lf" in .gitattributes)`,
    )
  }
  return text
}

/** Every known file that is present, and a problem for each one that is missing. */
export function readBundleFiles(folder: string): { files: BundleFiles; missing: VerifyProblem[] } {
  const files = new Map<BundlePath, string>()
  const missing: VerifyProblem[] = []
  for (const path of knownPaths) {
    const full = join(folder, path)
    if (!existsSync(full)) missing.push({ file: path, message: `${path} is missing from ${folder}` })
    else files.set(path, decodeBundleText(readFileSync(full), path))
  }
  return { files, missing }
}

export function requireFolder(folder: string): void {
  if (!existsSync(folder)) throw new AppError('NOT_FOUND', `No folder ${folder}`)
}

/** The whole folder; NOT_FOUND naming the first missing file. */
export function readBundleFolder(folder: string): BundleFiles {
  requireFolder(folder)
  const { files, missing } = readBundleFiles(folder)
  const first = missing[0]
  if (first) throw new AppError('NOT_FOUND', first.message, { file: first.file })
  return files
}

/** Temp file + rename: a reader (or a crash) never sees half a file. */
function writeAtomically(full: string, text: string): void {
  const temp = join(dirname(full), `.${basename(full)}.${randomBytes(6).toString('hex')}.tmp`)
  writingFile(full, () => {
    try {
      writeFileSync(temp, text, 'utf8')
    } catch (error) {
      rmSync(temp, { force: true })
      throw error
    }
  })
  renameSync(temp, full)
}

/**
 * Writes the folder: each file only when its bytes differ (so git sees no change and mtimes stay), known
 * files the bundle no longer has are removed. Returns what each file holds and whether it changed.
 */
export function writeBundleFolder(folder: string, files: BundleFiles): BundleFile[] {
  const report: BundleFile[] = []
  for (const path of knownPaths) {
    const full = join(folder, path)
    const text = files.get(path)
    if (text === undefined) {
      if (existsSync(full)) rmSync(full)
      continue
    }
    mkdirSync(dirname(full), { recursive: true })
    const same = existsSync(full) && readFileSync(full).equals(Buffer.from(text, 'utf8'))
    if (!same) writeAtomically(full, text)
    report.push({ path, sha256: sha256Ref(text), bytes: Buffer.byteLength(text, 'utf8'), changed: !same })
  }
  return report
}
