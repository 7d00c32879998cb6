// The one version: the app's package.json, which scripts/pack-cli.mjs also stamps on @eval-lab/cli.
import { version } from '../../../package.json'
import { exportCommand, exportUsage } from './commands/export'
import { exportResultsCommand, exportResultsUsage } from './commands/export-results'
import { gateCommand, gateUsage } from './commands/gate'
import { importCommand, importUsage } from './commands/import'
import { runCommand, runUsage } from './commands/run'
import { verifyCommand, verifyUsage } from './commands/verify'
import { reportError } from './errors'
import { exitCodes, line, printUsage, type CliIo } from './io'

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>

const commands: Record<string, { run: Command; usage: string; summary: string }> = {
  run: {
    run: runCommand,
    usage: runUsage,
    summary: 'run a prompt suite from a folder or workspace and score it',
  },
  gate: { run: gateCommand, usage: gateUsage, summary: 'gate a candidate on a signed baseline (exit 0/1/2)' },
  verify: {
    run: verifyCommand,
    usage: verifyUsage,
    summary: 'check a baseline folder: hashes, formats, signatures',
  },
  export: { run: exportCommand, usage: exportUsage, summary: "write a prompt's signed baseline folder" },
  import: { run: importCommand, usage: importUsage, summary: 'import a baseline folder into a workspace' },
  'export-results': {
    run: exportResultsCommand,
    usage: exportResultsUsage,
    summary: "write a run's results as CSV or JSONL",
  },
}

export const mainUsage = `Usage: evallab <command> [options]

Offline evals of LLM features, gated on signed baselines kept in git.

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(16)}${c.summary}`)
  .join('\n')}

Run "evallab <command> --help" for a command's options; "evallab --version" prints the version.
Exit codes: 0 ok/pass, 1 fail, 2 inconclusive (gate), 3 usage or I/O error, 4 internal error (a bug).`

/** The CLI as a function: argv without node and script, the process's io; resolves with the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help')
    return printUsage(io, mainUsage)
  if (name === '--version' || name === '-v') {
    line(io.stdout, version)
    return exitCodes.ok
  }
  const command = commands[name]
  if (!command) {
    line(io.stderr, `evallab: unknown command "${name}"\n\n${mainUsage}`)
    return exitCodes.usage
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    return reportError(io, name, error)
  }
}
