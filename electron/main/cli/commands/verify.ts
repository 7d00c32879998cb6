import { checkRecordOptions, checkRecordUsage, recordFolderCheck } from '../check-record'
import { parseCommandArgs, nonNegativeInt, singlePositional } from '../args'
import { checkFolder, printFolderCheck, readAllowedSigners } from '../folder-check'
import { exitCodes, line, printUsage, type CliIo } from '../io'
import { promptFolder } from '../workspace'

export const verifyUsage = `Usage: evallab verify <prompt-folder> [--allowed-signers FILE]... [--require-signatures N] [--ci-status FILE]

Checks a baseline folder (evals/<prompt-slug>) without a workspace: every file's sha256 against
manifest.json, every file's format, and each sign-off's Ed25519 signature against the allowed keys.

  --allowed-signers FILE    an evallab.allowed-signers or evallab.public-key file (repeatable)
  --require-signatures N    fail unless at least N sign-offs carry valid signatures from allowed
                            signers (default: 1 with --allowed-signers, else 0)
${checkRecordUsage}

Exit codes: 0 verified, 1 tampered or invalid (each problem is printed as "<file>: <message>"),
3 usage or I/O error, 4 internal error.`

const options = {
  'allowed-signers': { type: 'string', multiple: true },
  'require-signatures': { type: 'string' },
  ...checkRecordOptions,
  help: { type: 'boolean' },
} as const

/** --require-signatures, defaulting to 1 when allowed signers are given (a signature is then the point). */
export function requiredSignatures(value: string | undefined, allowedSigners: readonly string[]): number {
  return nonNegativeInt('require-signatures', value) ?? (allowedSigners.length > 0 ? 1 : 0)
}

export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options)
  if (values.help) return printUsage(io, verifyUsage)
  const folder = promptFolder(singlePositional('verify', positionals) ?? '')
  const signerFiles = values['allowed-signers'] ?? []
  const required = requiredSignatures(values['require-signatures'], signerFiles)
  const check = checkFolder(folder, readAllowedSigners(signerFiles), required)
  printFolderCheck(io, check)
  const ok = check.problems.length === 0
  if (ok) line(io.stdout, `verify: OK — ${folder} (${check.report.validSignatures} valid signature(s))`)
  else line(io.stdout, `verify: FAILED — ${check.problems.length} problem(s) in ${folder}`)
  await recordFolderCheck(
    io,
    folder,
    { command: 'verify', outcome: ok ? 'verified' : 'invalid' },
    { ciStatus: values['ci-status'], recordIn: values['record-in'] },
  )
  return ok ? exitCodes.ok : exitCodes.failed
}
