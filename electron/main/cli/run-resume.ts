import { call } from './call'
import { exitCodes, type CliIo } from './io'
import { runSummaryMarkdown, runSummaryText } from './run-report'
import { finishRun, reportUnfinished, writeReport } from './run-exec'
import type { CliWorkspace } from './workspace'

/**
 * `evallab run --resume RUN_ID`: continues a run of the workspace that stopped (a batch run whose process was
 * killed keeps polling its jobs and collects them once; a streamed one calls what is missing), then scores
 * and reports it like `run`, with the same exit codes. A completed run is only scored and reported.
 */
export async function resumeRun(
  workspace: CliWorkspace,
  io: CliIo,
  runId: string,
  summaryFile: string | undefined,
): Promise<number> {
  const stored = await call(workspace.core, 'runs.get', { id: runId })
  if (stored.status !== 'completed') {
    await call(workspace.core, 'runs.resume', { id: runId })
    io.stderr(`Continuing run "${stored.name}" (${stored.counts.done}/${stored.counts.total} calls stored)\n`)
  }
  const { run, summary } = await finishRun(workspace.core, io, runId)
  if (!summary) return reportUnfinished(io, `Run "${run.name}"`, run)
  io.stdout(runSummaryText(run, summary))
  if (summaryFile) writeReport('summary', summaryFile, runSummaryMarkdown(run, summary))
  return exitCodes.ok
}

/** What a batch run prints once it is stored: how to continue it if this process stops before it ends. */
export function resumeHint(io: CliIo, runId: string, home: string): void {
  io.stderr(
    `Batch run ${runId}: the provider answers within 24 hours. If this process stops, continue with\n` +
      `  evallab run --resume ${runId} --workspace ${home}\n`,
  )
}
