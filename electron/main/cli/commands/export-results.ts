import { existsSync } from 'node:fs'
import { extname } from 'node:path'
import { AppError } from '../../../../shared/contract'
import type { Run } from '../../../../shared/domain/runs'
import { parseCommandArgs } from '../args'
import { call } from '../call'
import { exitCodes, line, printUsage, UsageError, type CliIo } from '../io'
import { writeReport } from '../run-exec'
import { openWorkspaceAt, userHome, type CliWorkspace } from '../workspace'

export const exportResultsUsage = `Usage: evallab export-results <run> --out FILE [--format csv|jsonl] [--workspace DIR]

Writes every result of a run as one file: a row (CSV) or line (JSONL) per result with its case key,
variables, expected fields, prompt name, version and hash, provider and model, output, each metric's
current score, tokens, cost (empty when the price is unknown), latency and error. Rows are ordered by
case key, prompt version, provider, model and repeat: the same run always gives the same bytes.

  <run>             the run's id, or its name when no other run has that name
  --out FILE        the file to write (its folder is created)
  --format F        csv or jsonl (default: from FILE's extension, .csv or .jsonl)
  --workspace DIR   the workspace's data folder (default: EVALLAB_HOME, else the desktop app's folder)

CSV cells a spreadsheet would run as a formula start with a ' (as in the dataset export); an empty cell is
no value and "" an empty text. The JSONL imports back as a dataset (the result fields are left out).

Exit codes: 0 written, 3 usage or I/O error (e.g. no such run), 4 internal error.`

const options = {
  out: { type: 'string' },
  format: { type: 'string' },
  workspace: { type: 'string' },
  help: { type: 'boolean' },
} as const

type Format = 'csv' | 'jsonl'

function formatOf(format: string | undefined, out: string): Format {
  const chosen = format ?? extname(out).slice(1).toLowerCase()
  if (chosen === 'csv' || chosen === 'jsonl') return chosen
  if (format === undefined) throw new UsageError(`give --format csv or jsonl (${out} has neither extension)`)
  throw new UsageError(`--format must be csv or jsonl, not "${format}"`)
}

/** A run by id, else by its exact name; a name two runs share asks for the id. */
async function findRun(workspace: CliWorkspace, ref: string): Promise<Run> {
  const runs = await call(workspace.core, 'runs.list', {})
  const byId = runs.find((r) => r.id === ref)
  if (byId) return byId
  const named = runs.filter((r) => r.name === ref)
  if (named.length === 1 && named[0]) return named[0]
  if (named.length > 1) {
    const ids = named.map((r) => `${r.id} (${r.createdAt})`).join(', ')
    throw new UsageError(`${named.length} runs are named "${ref}"; give one's id: ${ids}`)
  }
  const recent = runs
    .slice(0, 5)
    .map((r) => `${r.id} "${r.name}"`)
    .join(', ')
  throw new AppError('NOT_FOUND', `No run "${ref}" in ${workspace.home}; recent runs: ${recent || 'none'}`)
}

export async function exportResultsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options)
  if (values.help) return printUsage(io, exportResultsUsage)
  if (positionals.length !== 1) {
    const got = positionals.length === 0 ? 'none' : positionals.join(' ')
    throw new UsageError(`export-results takes one run (its id or name), got: ${got}`)
  }
  const [ref] = positionals as [string]
  if (!values.out) throw new UsageError('export-results needs --out FILE')
  const format = formatOf(values.format, values.out)
  const home = userHome(values.workspace, io)
  if (!existsSync(home)) throw new UsageError(`no workspace at ${home}`)
  const workspace = openWorkspaceAt(home, io)
  try {
    const run = await findRun(workspace, ref)
    const file = await call(workspace.core, 'runs.exportResults', { runId: run.id, format })
    writeReport('out', values.out, file.content)
    line(io.stdout, `Wrote ${file.resultCount} results of run "${run.name}" to ${values.out}`)
    return exitCodes.ok
  } finally {
    workspace.dispose()
  }
}
