import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../../shared/contract'
import type { VerifyProblem, VerifyReport } from '../../../shared/domain/bundles'
import { readBundleFolder } from '../core/bundles/folder'
import { verifyBundle } from '../core/bundles/verify'
import { signoffText } from './gate-report'
import { line, UsageError, type CliIo } from './io'

export interface FolderCheck {
  report: VerifyReport
  /** The report's problems plus "too few valid signatures" when a minimum was asked for. */
  problems: VerifyProblem[]
}

/** Contents of --allowed-signers files; an unreadable file is a usage error naming it. */
export function readAllowedSigners(paths: readonly string[]): string[] {
  return paths.map((path) => {
    try {
      return readFileSync(path, 'utf8')
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new UsageError(`--allowed-signers ${path}: cannot read the file (${reason})`)
    }
  })
}

/**
 * Verifies a prompt folder without a workspace: manifest hashes, file formats and signatures. A file the
 * reader refuses (missing, CRLF, not UTF-8) is a problem of the folder, not a usage error.
 */
export function checkFolder(
  folder: string,
  allowedSigners: readonly string[],
  requiredSignatures: number,
): FolderCheck {
  const label = basename(folder)
  let report: VerifyReport
  try {
    report = verifyBundle(label, readBundleFolder(folder), allowedSigners)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const problem = { file: '', message: error.message }
    report = { folder: label, ok: false, problems: [problem], signoffs: [], validSignatures: 0 }
  }
  const problems = [...report.problems]
  if (report.validSignatures < requiredSignatures) {
    problems.push({
      file: 'signoffs.json',
      message: `${report.validSignatures} valid signature(s) from allowed signers; ${requiredSignatures} required`,
    })
  }
  return { report, problems }
}

/** "<file>: <message>" per problem and one line per sign-off; the file is the folder for folder-wide ones. */
export function printFolderCheck(io: CliIo, check: FolderCheck): void {
  for (const p of check.problems) line(io.stdout, `${p.file || check.report.folder}: ${p.message}`)
  for (const s of check.report.signoffs) line(io.stdout, signoffText(s))
}
