import { createHash } from 'node:crypto'
import type { FileHashes } from '../../../../shared/domain/bundles'
import type { BundleFiles, BundlePath } from './format'

/** "sha256:<hex>" of the text's UTF-8 bytes: how the manifest, sign-offs and exports name a file's content. */
export function sha256Ref(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`
}

/** The hashes of `paths` (those present in `files`), keyed by path. */
export function fileHashes(files: BundleFiles, paths: readonly BundlePath[]): FileHashes {
  const out: Record<string, string> = {}
  for (const path of paths) {
    const text = files.get(path)
    if (text !== undefined) out[path] = sha256Ref(text)
  }
  return out
}
