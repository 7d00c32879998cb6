import type { BundleImport } from '../../../../shared/domain/bundles'
import type { ModelRef } from '../../../../shared/domain/prompts'
import type { Verdict } from '../../../../shared/domain/scoring'
import { sameSlice } from '../../../../shared/lib/model-identity'
import { promptSlug } from '../../core/bundles/format'
import { environment, modelRef, parseCommandArgs, positiveInt, singlePositional } from '../args'
import { call } from '../call'
import { checkRecordOptions, checkRecordUsage, recordFolderCheck } from '../check-record'
import { checkFolder, printFolderCheck, readAllowedSigners, type FolderCheck } from '../folder-check'
import { gateJunit } from '../junit'
import { gateMarkdown, gateText, type GateReportInput } from '../gate-report'
import { exitCodes, line, printUsage, UsageError, type CliIo } from '../io'
import { callLimitFlags, callLimitOptions, callLimitUsage } from '../call-limits'
import { cliProviderSettings, providerUsage } from '../providers'
import {
  chooseVersion,
  executeRun,
  latestBaseline,
  modelLabel,
  reportUnfinished,
  writeReport,
} from '../run-exec'
import { openRunWorkspace, promptFolder, type CliWorkspace } from '../workspace'
import { requiredSignatures } from './verify'

export const gateUsage = `Usage: evallab gate <prompt-folder> [options]

Gates a change on the signed baseline in a folder (evals/<prompt-slug>): verifies the folder, imports it
(default: into a fresh temporary workspace), runs the candidate on the baseline's dataset, scores it and
compares it with the baseline under the folder's gate rules.

  --version N | --env ENV     the candidate prompt version, or the one staging/prod points at
                              (default: the baseline's version)
  --model provider/model      the candidate model (default: the baseline's model, or the chosen
                              version's pinned model with --version/--env)
  --allowed-signers FILE      an evallab.allowed-signers or evallab.public-key file (repeatable)
  --require-signatures N      valid signatures needed (default: 1 with --allowed-signers, else 0)
  --junit FILE                write a JUnit XML report (one test case per gate rule)
  --summary FILE              write a Markdown summary for a pull-request comment
  --workspace DIR             import into this workspace instead of a temporary one
${checkRecordUsage}
  --concurrency N             parallel calls per provider (default 8)
${callLimitUsage}
  --cache                     reuse stored answers to identical requests at temperature 0

${providerUsage}

Exit codes: 0 pass, 1 fail (or the folder does not verify, or the run failed), 2 inconclusive,
3 usage, I/O or configuration error (e.g. a missing key), 4 internal error (a bug in evallab).`

const options = {
  version: { type: 'string' },
  env: { type: 'string' },
  model: { type: 'string' },
  'allowed-signers': { type: 'string', multiple: true },
  'require-signatures': { type: 'string' },
  junit: { type: 'string' },
  summary: { type: 'string' },
  workspace: { type: 'string' },
  provider: { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  ...callLimitOptions,
  cache: { type: 'boolean' },
  ...checkRecordOptions,
  help: { type: 'boolean' },
} as const

type GateValues = ReturnType<typeof parseCommandArgs<typeof options>>['values']

const verdictExit: Record<Verdict, number> = {
  pass: exitCodes.ok,
  fail: exitCodes.failed,
  inconclusive: exitCodes.inconclusive,
}

export async function gateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options)
  if (values.help) return printUsage(io, gateUsage)
  const folderArg = singlePositional('gate', positionals) ?? ''
  const version = positiveInt('version', values.version)
  const env = environment(values.env)
  if (version !== undefined && env !== undefined) throw new UsageError('give --version or --env, not both')
  const model = values.model === undefined ? undefined : modelRef(values.model)
  const concurrency = positiveInt('concurrency', values.concurrency)
  const limits = callLimitFlags(values)
  const signerFiles = values['allowed-signers'] ?? []
  const required = requiredSignatures(values['require-signatures'], signerFiles)
  const settings = cliProviderSettings(
    { provider: values.provider ?? [], ...(concurrency ? { concurrency } : {}) },
    io.env,
  )

  const folder = promptFolder(folderArg)
  const check = checkFolder(folder, readAllowedSigners(signerFiles), required)
  printFolderCheck(io, check)
  const targets = { ciStatus: values['ci-status'], recordIn: values['record-in'] ?? values.workspace }
  if (check.problems.length > 0) {
    line(io.stdout, `gate: the folder does not verify (${check.problems.length} problem(s)); not running`)
    await recordFolderCheck(io, folder, { command: 'gate', outcome: 'invalid' }, targets)
    return exitCodes.failed
  }
  const workspace = openRunWorkspace(values.workspace, io, settings, limits)
  let gated: GateOutcome
  try {
    const imported = await call(workspace.core, 'bundles.import', { folder })
    gated = await gateImported(workspace, io, imported, check, { values, version, env, model, concurrency })
  } finally {
    workspace.dispose()
  }
  if (gated.verdict) {
    await recordFolderCheck(io, folder, { command: 'gate', outcome: gated.verdict }, targets)
  }
  return gated.code
}

/** The exit code, and the verdict to record (none when the candidate run did not finish). */
interface GateOutcome {
  code: number
  verdict: Verdict | null
}

interface GateChoice {
  values: GateValues
  version: number | undefined
  env: 'staging' | 'prod' | undefined
  model: ModelRef | undefined
  concurrency: number | undefined
}

async function gateImported(
  workspace: CliWorkspace,
  io: CliIo,
  imported: BundleImport,
  check: FolderCheck,
  choice: GateChoice,
): Promise<GateOutcome> {
  const core = workspace.core
  const baseline = await latestBaseline(core, imported.promptId, imported.datasetSnapshotId)
  if (!baseline) throw new UsageError(`${imported.promptName}: the folder has no baseline to gate on`)
  const versionChoice = {
    ...(choice.version ? { version: choice.version } : {}),
    ...(choice.env ? { env: choice.env } : {}),
  }
  const chosen = await chooseVersion(core, imported.promptId, versionChoice, baseline.slice.promptVersionId)
  const pinnedDefault = choice.version !== undefined || choice.env !== undefined
  const model: ModelRef =
    choice.model ??
    (pinnedDefault
      ? chosen.version.model
      : { provider: baseline.slice.provider, model: baseline.slice.modelId })
  const candidateLabel = `v${chosen.version.number} × ${modelLabel(model)}`
  const { run, summary } = await executeRun(core, io, {
    name: `evallab gate: ${imported.promptName} ${candidateLabel}`,
    promptVersionId: chosen.version.id,
    models: [model],
    datasetId: imported.datasetId,
    useCache: choice.values.cache ?? false,
    ...(choice.concurrency ? { concurrency: choice.concurrency } : {}),
  })
  if (!summary) return { code: reportUnfinished(io, 'gate: the candidate run', run), verdict: null }
  const slice = { promptVersionId: chosen.version.id, provider: model.provider, modelId: model.model }
  const gate = await call(core, 'gates.evaluate', { runId: run.id, slice })
  const report: GateReportInput = {
    promptName: imported.promptName,
    candidateLabel,
    gate,
    slice: summary.slices.find((s) => sameSlice(s, slice)) ?? null,
    signoffs: check.report.signoffs,
  }
  io.stdout(gateText(report))
  if (choice.values.junit)
    writeReport(
      'junit',
      choice.values.junit,
      gateJunit(imported.promptName, promptSlug(imported.promptName), gate),
    )
  if (choice.values.summary) writeReport('summary', choice.values.summary, gateMarkdown(report))
  return { code: verdictExit[gate.verdict], verdict: gate.verdict }
}
