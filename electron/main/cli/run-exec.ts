import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { ModelRef, PromptDetail, PromptVersion } from '../../../shared/domain/prompts'
import type { Run } from '../../../shared/domain/runs'
import type { Baseline, RunSummary } from '../../../shared/domain/scoring'
import type { Core } from '../core'
import { call } from './call'
import { exitCodes, line, UsageError, type CliIo } from './io'
import { createProgress } from './progress'
import { waitForRun } from './run-wait'

export interface VersionChoice {
  version?: number
  env?: 'staging' | 'prod'
}

/** --version N, else the version --env points at, else `fallbackId` (or the latest when none). */
export async function chooseVersion(
  core: Core,
  promptId: string,
  choice: VersionChoice,
  fallbackId?: string,
): Promise<{ detail: PromptDetail; version: PromptVersion }> {
  const latest = await call(core, 'prompts.get', { id: promptId })
  const name = latest.prompt.name
  let number = choice.version
  if (number === undefined && choice.env) {
    const pointed = latest.prompt.environments[choice.env]
    if (pointed === null)
      throw new UsageError(`--env ${choice.env}: "${name}" has no version in ${choice.env}`)
    number = pointed
  }
  if (number === undefined && fallbackId) number = latest.versions.find((v) => v.id === fallbackId)?.number
  if (number === undefined) return { detail: latest, version: latest.version }
  if (!latest.versions.some((v) => v.number === number)) {
    throw new UsageError(`--version ${number}: "${name}" has versions 1–${latest.versions.length}`)
  }
  const detail = await call(core, 'prompts.get', { id: promptId, versionNumber: number })
  return { detail, version: detail.version }
}

/** The baseline on the imported snapshot, else the most recently set one. */
export async function latestBaseline(
  core: Core,
  promptId: string,
  snapshotId?: string,
): Promise<Baseline | null> {
  const baselines = await call(core, 'baselines.list', { promptId })
  const onSnapshot = baselines.filter((b) => snapshotId === undefined || b.datasetSnapshotId === snapshotId)
  const pool = onSnapshot.length > 0 ? onSnapshot : baselines
  return [...pool].sort((a, b) => b.setAt.localeCompare(a.setAt))[0] ?? null
}

export interface RunRequest {
  name: string
  promptVersionId: string
  models: readonly ModelRef[]
  datasetId: string
  concurrency?: number
  useCache: boolean
  /** 'batch': sent as batch jobs where the provider has a Batch API (half price, answered within 24 h). */
  mode?: 'stream' | 'batch'
  /** Told the run's id once it is stored (a batch run says how to continue it if this process stops). */
  onStarted?: (run: Run) => void
}

/** Starts the run, shows progress until it ends, then scores it (only a completed run is scored). */
export async function executeRun(
  core: Core,
  io: CliIo,
  request: RunRequest,
): Promise<{ run: Run; summary: RunSummary | null }> {
  const concurrency = request.concurrency
  const started = await call(core, 'runs.start', {
    name: request.name,
    promptVersionIds: [request.promptVersionId],
    models: [...request.models],
    datasetId: request.datasetId,
    useCache: request.useCache,
    ...(request.mode ? { mode: request.mode } : {}),
    ...(concurrency
      ? { concurrency: Object.fromEntries(request.models.map((m) => [m.provider, concurrency])) }
      : {}),
  })
  request.onStarted?.(started)
  return finishRun(core, io, started.id)
}

/** Shows progress until the run ends, then scores it (only a completed run is scored). */
export async function finishRun(
  core: Core,
  io: CliIo,
  runId: string,
): Promise<{ run: Run; summary: RunSummary | null }> {
  const run = await waitForRun(core, runId, createProgress(io, 'run'))
  if (run.status !== 'completed') return { run, summary: null }
  return { run, summary: await call(core, 'runs.score', { runId: run.id }) }
}

/**
 * A run that did not complete: its status and, for a failed run, why — and the exit code. A refused key is a
 * configuration problem (3), never a verdict on the model; anything else that stopped the run is 1.
 */
export function reportUnfinished(io: CliIo, what: string, run: Run): number {
  const { done, total, errors } = run.counts
  line(io.stdout, `${what} ${run.status} (${done}/${total} calls, ${errors} errors); no verdict`)
  if (!run.failure) return exitCodes.failed
  line(io.stderr, `${what} failed: ${run.failure.message}`)
  return run.failure.kind === 'key-refused' ? exitCodes.usage : exitCodes.failed
}

/** Writes a report file (--junit, --summary), creating its folder; failure is an I/O error (exit 3). */
export function writeReport(flag: string, path: string, content: string): void {
  try {
    const absolute = resolve(path)
    mkdirSync(dirname(absolute), { recursive: true })
    writeFileSync(absolute, content, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UsageError(`--${flag} ${path}: cannot write the file (${reason})`)
  }
}

export function modelLabel(m: ModelRef): string {
  return `${m.provider}/${m.model}`
}
