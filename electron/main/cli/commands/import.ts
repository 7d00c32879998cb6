import { parseCommandArgs, singlePositional } from '../args'
import { call } from '../call'
import { exitCodes, line, printUsage, type CliIo } from '../io'
import { openWorkspaceAt, promptFolder, userHome } from '../workspace'

export const importUsage = `Usage: evallab import <prompt-folder> [--workspace DIR]

Imports a baseline folder (evals/<prompt-slug>) into a workspace in one transaction: the prompt and its
versions, the dataset snapshot, the suite, the baseline run and its sign-offs. The folder is verified
first. Importing the same folder again changes nothing.

  --workspace DIR   the workspace's data folder (default: EVALLAB_HOME, else the desktop app's folder)

Exit codes: 0 imported, 3 usage, I/O or invalid-folder error, 4 internal error.`

const options = { workspace: { type: 'string' }, help: { type: 'boolean' } } as const

export async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options)
  if (values.help) return printUsage(io, importUsage)
  const folder = promptFolder(singlePositional('import', positionals) ?? '')
  const workspace = openWorkspaceAt(userHome(values.workspace, io), io)
  try {
    const imported = await call(workspace.core, 'bundles.import', { folder })
    if (imported.unchanged) {
      line(io.stdout, `${imported.promptName}: already in ${workspace.home}; nothing changed`)
      return exitCodes.ok
    }
    line(io.stdout, `Imported "${imported.promptName}" into ${workspace.home}`)
    line(io.stdout, `  prompt versions added: ${imported.versionsAdded}`)
    line(io.stdout, `  sign-offs added: ${imported.signoffsAdded}`)
    line(io.stdout, `  dataset snapshot, suite and baseline run: in place`)
    return exitCodes.ok
  } finally {
    workspace.dispose()
  }
}
