import type { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import type { SignoffCheck, VerifyProblem, VerifyReport } from '../../../../shared/domain/bundles'
import { contentHash } from '../prompts/hash'
import {
  baselineFileSchema,
  bundlePaths,
  manifestFileSchema,
  manifestPaths,
  promptFileSchema,
  signoffsFileSchema,
  type BundleFiles,
  type BundlePath,
} from './format'
import { sha256Ref } from './hash'
import { parseBundle } from './parse'
import { parseAllowedSigners } from './signers'
import { checkSignoff } from './verify-signoffs'

/** The file's content by its own schema, or null (parseBundle reports why). */
function tryParse<T extends z.ZodType>(files: BundleFiles, path: BundlePath, schema: T): z.output<T> | null {
  const text = files.get(path)
  if (text === undefined) return null
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** (1) + (2): the manifest parses and every file it covers is there with the bytes it names. */
function checkManifest(files: BundleFiles): VerifyProblem[] {
  const file = bundlePaths.manifest
  if (!files.has(file)) return [{ file, message: `${file} is missing` }]
  const manifest = tryParse(files, file, manifestFileSchema)
  if (!manifest) return [{ file, message: `${file} is not a valid evallab.manifest file` }]
  const problems: VerifyProblem[] = []
  for (const path of manifestPaths) {
    const expected = manifest.files[path]
    const text = files.get(path)
    if (text === undefined) problems.push({ file: path, message: `${path} is missing` })
    else if (expected === undefined) problems.push({ file, message: `${file} has no entry for ${path}` })
    else if (sha256Ref(text) !== expected) {
      problems.push({
        file: path,
        message: `sha256 does not match manifest.json (expected ${expected}, found ${sha256Ref(text)})`,
      })
    }
  }
  const known = new Set<string>(manifestPaths)
  for (const path of Object.keys(manifest.files).filter((p) => !known.has(p))) {
    problems.push({ file, message: `${file} lists ${path}, which is not part of a baseline folder` })
  }
  return problems
}

/** (3): every file in its format, and consistent with the others; the file at fault is named in the message. */
function checkFormats(files: BundleFiles): VerifyProblem[] {
  if (manifestPaths.some((p) => !files.has(p))) return []
  try {
    parseBundle(files)
    return []
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const named = Object.values(bundlePaths).find((p) => error.message.startsWith(`${p}:`))
    return [{ file: named ?? '', message: error.message }]
  }
}

/** (4): the baseline pins a version that prompt.json holds with the content it claims. */
function checkPromptPin(files: BundleFiles): VerifyProblem[] {
  const prompt = tryParse(files, bundlePaths.prompt, promptFileSchema)
  const baseline = tryParse(files, bundlePaths.baseline, baselineFileSchema)
  if (!prompt || !baseline) return []
  const problems: VerifyProblem[] = []
  for (const v of prompt.versions) {
    if (contentHash(v) !== v.contentHash) {
      problems.push({
        file: bundlePaths.prompt,
        message: `Version ${v.number}'s contentHash does not match its messages, model and params`,
      })
    }
  }
  const pinned = prompt.versions.find((v) => v.number === baseline.promptVersion)
  if (pinned?.contentHash !== baseline.promptContentHash) {
    problems.push({
      file: bundlePaths.baseline,
      message: `promptContentHash does not match version ${baseline.promptVersion} in prompt.json`,
    })
  }
  return problems
}

/** Keeps the first problem per file and message (a tampered file may be reported by several checks). */
function distinct(problems: readonly VerifyProblem[]): VerifyProblem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.file}\u0000${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Checks a baseline folder: the manifest's hashes, every file's format, the prompt pin, and each sign-off
 * (still over these files? signature good? key allowed?). ok only without problems; an unknown signer is a
 * problem only when allowed signers were given.
 */
export function verifyBundle(
  folderLabel: string,
  files: BundleFiles,
  allowedSigners: readonly string[],
): VerifyReport {
  const allowed = parseAllowedSigners(allowedSigners)
  const problems = [...checkManifest(files), ...checkFormats(files), ...checkPromptPin(files)]
  const signoffs: SignoffCheck[] = []
  const file = tryParse(files, bundlePaths.signoffs, signoffsFileSchema)
  const manifest = tryParse(files, bundlePaths.manifest, manifestFileSchema)
  const prompt = tryParse(files, bundlePaths.prompt, promptFileSchema)
  const promptName = prompt?.name ?? manifest?.prompt ?? ''
  const ctx = { promptName, files, allowed, strict: allowedSigners.length > 0 }
  for (const entry of file?.signoffs ?? []) {
    const result = checkSignoff(ctx, entry)
    signoffs.push(result.check)
    problems.push(...result.problems)
  }
  const all = distinct(problems)
  return {
    folder: folderLabel,
    ok: all.length === 0,
    problems: all,
    signoffs,
    validSignatures: signoffs.filter((s) => s.status === 'valid').length,
  }
}
