import { environment, modelRef, parseCommandArgs, positiveInt, singlePositional } from '../args'
import { call } from '../call'
import { exitCodes, printUsage, UsageError, type CliIo } from '../io'
import { callLimitFlags, callLimitOptions, callLimitUsage } from '../call-limits'
import { cliProviderSettings, providerUsage } from '../providers'
import { runSummaryMarkdown, runSummaryText } from '../run-report'
import { chooseVersion, executeRun, latestBaseline, reportUnfinished, writeReport } from '../run-exec'
import { openRunWorkspace, openWorkspaceAt, promptFolder, userHome, type CliWorkspace } from '../workspace'
import { promptIdByName } from './export'
import { resumeHint, resumeRun } from '../run-resume'

export const runUsage = `Usage: evallab run (<prompt-folder> | --prompt NAME) [options]

Runs a prompt's suite on its baseline's dataset against the configured providers, scores it and prints
the summary (metric, n, value, 95 % CI; cost per interaction; P50/P95 latency).
With a folder it is imported into the workspace first (default: a fresh temporary workspace, removed
at exit); with --prompt the workspace's prompt runs on its latest baseline's dataset.

  --prompt NAME               a prompt of the workspace (instead of a folder)
  --workspace DIR             the workspace's data folder (with --prompt default: EVALLAB_HOME, else the
                              desktop app's folder)
  --version N | --env ENV     the prompt version to run, or the one staging/prod points at (default: latest)
  --model provider/model      a model to run (repeatable; default: the version's pinned model)
  --concurrency N             parallel calls per provider (default 8)
${callLimitUsage}
  --cache                     reuse stored answers to identical requests at temperature 0
  --batch                     send the calls as batch jobs where the provider has a Batch API (OpenAI,
                              Anthropic): half price, answered within 24 hours; waits for them (give
                              --workspace DIR to be able to continue it from another process)
  --resume RUN_ID             continue a run of the workspace (--workspace, else EVALLAB_HOME) that stopped,
                              e.g. a batch run whose process was killed: polls its batch jobs, collects
                              them once, then scores and reports it with the same exit codes
  --summary FILE              also write the summary as Markdown

${providerUsage}

Exit codes: 0 completed, 1 the run failed, 3 usage, I/O or configuration error (e.g. a missing key),
4 internal error (a bug in evallab).`

const options = {
  prompt: { type: 'string' },
  workspace: { type: 'string' },
  version: { type: 'string' },
  env: { type: 'string' },
  model: { type: 'string', multiple: true },
  provider: { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  ...callLimitOptions,
  cache: { type: 'boolean' },
  batch: { type: 'boolean' },
  resume: { type: 'string' },
  summary: { type: 'string' },
  help: { type: 'boolean' },
} as const

interface Target {
  promptId: string
  datasetId: string
}

async function folderTarget(workspace: CliWorkspace, folder: string): Promise<Target> {
  const imported = await call(workspace.core, 'bundles.import', { folder })
  return { promptId: imported.promptId, datasetId: imported.datasetId }
}

async function workspaceTarget(workspace: CliWorkspace, name: string): Promise<Target> {
  const promptId = await promptIdByName(workspace, name)
  const baseline = await latestBaseline(workspace.core, promptId)
  if (!baseline) throw new UsageError(`"${name}" has no baseline yet: its dataset is the one a run uses`)
  const baselineRun = await call(workspace.core, 'runs.get', { id: baseline.runId })
  return { promptId, datasetId: baselineRun.plan.datasetId }
}

export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options)
  if (values.help) return printUsage(io, runUsage)
  const folderArg = singlePositional('run', positionals, true)
  if (values.resume !== undefined) return resumeCommand(values, folderArg, io)
  if ((folderArg === undefined) === (values.prompt === undefined)) {
    throw new UsageError('run needs either a prompt folder or --prompt NAME (not both)')
  }
  const version = positiveInt('version', values.version)
  const env = environment(values.env)
  if (version !== undefined && env !== undefined) throw new UsageError('give --version or --env, not both')
  const models = (values.model ?? []).map(modelRef)
  const concurrency = positiveInt('concurrency', values.concurrency)
  const settings = cliProviderSettings(
    { provider: values.provider ?? [], ...(concurrency ? { concurrency } : {}) },
    io.env,
  )
  const limits = callLimitFlags(values)
  const folder = folderArg === undefined ? undefined : promptFolder(folderArg)
  const workspace = folder
    ? openRunWorkspace(values.workspace, io, settings, limits)
    : openWorkspaceAt(userHome(values.workspace, io), io, settings, limits)
  try {
    const target = folder
      ? await folderTarget(workspace, folder)
      : await workspaceTarget(workspace, values.prompt ?? '')
    const chosen = await chooseVersion(workspace.core, target.promptId, {
      ...(version ? { version } : {}),
      ...(env ? { env } : {}),
    })
    const { run, summary } = await executeRun(workspace.core, io, {
      name: `evallab run: ${chosen.detail.prompt.name} v${chosen.version.number}`,
      promptVersionId: chosen.version.id,
      models: models.length > 0 ? models : [chosen.version.model],
      datasetId: target.datasetId,
      useCache: values.cache ?? false,
      ...(concurrency ? { concurrency } : {}),
      ...(values.batch
        ? { mode: 'batch' as const, onStarted: (run) => resumeHint(io, run.id, workspace.home) }
        : {}),
    })
    if (!summary) return reportUnfinished(io, `Run "${run.name}"`, run)
    io.stdout(runSummaryText(run, summary))
    if (values.summary) writeReport('summary', values.summary, runSummaryMarkdown(run, summary))
    return exitCodes.ok
  } finally {
    workspace.dispose()
  }
}

type RunValues = ReturnType<typeof parseCommandArgs<typeof options>>['values']

/** --resume RUN_ID: the run's own plan decides the rest, so flags that would plan another run are refused. */
async function resumeCommand(values: RunValues, folder: string | undefined, io: CliIo): Promise<number> {
  const planning = ['prompt', 'version', 'env', 'model', 'batch', 'cache', 'concurrency'] as const
  const given = planning.filter((flag) => values[flag] !== undefined)
  if (folder !== undefined || given.length > 0) {
    const what = folder !== undefined ? 'a prompt folder' : given.map((f) => `--${f}`).join(', ')
    throw new UsageError(`--resume continues a stored run as it was planned: drop ${what}`)
  }
  const settings = cliProviderSettings({ provider: values.provider ?? [] }, io.env)
  const workspace = openWorkspaceAt(userHome(values.workspace, io), io, settings, callLimitFlags(values))
  try {
    return await resumeRun(workspace, io, values.resume ?? '', values.summary)
  } finally {
    workspace.dispose()
  }
}
