import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Writes a key file: temp file + rename, so a crash mid-write leaves the old file whole; owner-only (0600)
 * from the first byte. Shared by the provider-key and signing-key stores.
 */
export function writeOwnerOnlyFileAtomically(file: string, text: string): void {
  const dir = dirname(file)
  mkdirSync(dir, { recursive: true })
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temp, text, { mode: 0o600, flush: true })
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
