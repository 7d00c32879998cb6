import { AppError } from '../../../../shared/contract'
import { parseCommandArgs } from '../args'
import { call } from '../call'
import { exitCodes, line, printUsage, UsageError, type CliIo } from '../io'
import { openWorkspaceAt, userHome, type CliWorkspace } from '../workspace'
import { resolve } from 'node:path'

export const exportUsage = `Usage: evallab export --prompt NAME --out DIR [--workspace DIR] [--commit] [--message M]

Writes the prompt's signed baseline as DIR/<prompt-slug>/ (prompt.json, dataset.jsonl, rubric.json,
gates.json, baseline/, signoffs.json, manifest.json): deterministic and diff-friendly; files are rewritten
only when their bytes change.

  --prompt NAME     the prompt, by name
  --out DIR         the folder in the team's repo, e.g. evals
  --workspace DIR   the workspace's data folder (default: EVALLAB_HOME, else the desktop app's folder)
  --commit          commit exactly that folder with git
  --message M       the commit message

Exit codes: 0 exported, 3 usage or I/O error (e.g. the prompt has no baseline yet), 4 internal error.`

const options = {
  prompt: { type: 'string' },
  out: { type: 'string' },
  workspace: { type: 'string' },
  commit: { type: 'boolean' },
  message: { type: 'string' },
  help: { type: 'boolean' },
} as const

/** The prompt with this exact name; an unknown name lists the ones there are. */
export async function promptIdByName(workspace: CliWorkspace, name: string): Promise<string> {
  const prompts = await call(workspace.core, 'prompts.list', {})
  const found = prompts.find((p) => p.name === name)
  if (found) return found.id
  const names = prompts.map((p) => `"${p.name}"`).join(', ') || 'none'
  throw new AppError('NOT_FOUND', `No prompt named "${name}" in ${workspace.home}; prompts: ${names}`)
}

export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options)
  if (values.help) return printUsage(io, exportUsage)
  if (positionals.length > 0)
    throw new UsageError(`export takes no positional arguments: ${positionals.join(' ')}`)
  if (!values.prompt) throw new UsageError('export needs --prompt NAME')
  if (!values.out) throw new UsageError('export needs --out DIR')
  if (values.message !== undefined && !values.commit) throw new UsageError('--message needs --commit')
  const workspace = openWorkspaceAt(userHome(values.workspace, io), io)
  try {
    const promptId = await promptIdByName(workspace, values.prompt)
    const exported = await call(workspace.core, 'bundles.export', {
      promptId,
      folder: resolve(values.out),
      commit: values.commit ?? false,
      commitMessage: values.message ?? '',
    })
    line(io.stdout, `Exported "${values.prompt}" to ${exported.folder}`)
    for (const f of exported.files) line(io.stdout, `  ${f.changed ? 'changed  ' : 'unchanged'}  ${f.path}`)
    if (exported.commit)
      line(io.stdout, `Committed ${exported.commit.sha.slice(0, 12)}: ${exported.commit.message}`)
    // Without this line a --commit that made no commit would be indistinguishable from a forgotten flag.
    else if (values.commit) line(io.stdout, 'Nothing to commit: the folder is as committed')
    return exitCodes.ok
  } finally {
    workspace.dispose()
  }
}
