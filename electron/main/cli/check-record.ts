import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { BundleCheckOutcome, CiStatusFile } from '../../../shared/domain/scorecard'
import { expectedFailure } from '../core/failures'
import { sha256Ref } from '../core/bundles/hash'
import { bundlePaths } from '../core/bundles/format'
import { dbFileName } from '../core/workspace/open'
import { call } from './call'
import { line, UsageError, type CliIo } from './io'
import { openWorkspaceAt, userHome } from './workspace'

export const checkRecordUsage = `  --ci-status FILE            write the outcome as an evallab.ci-status file (for a CI checkout that has
                              no workspace: record it in Eval Lab, Scorecard → Record a CI result)
  --record-in DIR             record the outcome in this workspace (default: EVALLAB_HOME, else the
                              desktop app's); recorded only where the folder was exported from`

export const checkRecordOptions = {
  'ci-status': { type: 'string' },
  'record-in': { type: 'string' },
} as const

export interface FolderCheckOutcome {
  command: CiStatusFile['command']
  outcome: BundleCheckOutcome
}

/** Where the outcome goes: a status file, and the workspace the folder was exported from. */
export interface RecordTargets {
  ciStatus: string | undefined
  recordIn: string | undefined
}

/**
 * Records a gate or verify of an exported folder as scorecard evidence ("CI gate"): in the workspace the
 * folder came from when this machine has it (matched by the manifest's sha256), and in a status file when
 * asked. Never changes the command's exit code: a check that ran is reported whether or not it was recorded.
 */
export async function recordFolderCheck(
  io: CliIo,
  folder: string,
  outcome: FolderCheckOutcome,
  targets: RecordTargets,
): Promise<void> {
  const status = statusOf(io, folder, outcome)
  if (targets.ciStatus) writeStatusFile(io, targets.ciStatus, status)
  await recordInWorkspace(io, status, targets.recordIn)
}

function statusOf(io: CliIo, folder: string, outcome: FolderCheckOutcome): CiStatusFile {
  const manifest = readFileSync(join(folder, bundlePaths.manifest), 'utf8')
  return {
    format: 'evallab.ci-status',
    version: 1,
    ...outcome,
    promptName: promptNameOf(manifest) ?? basename(folder),
    manifestSha256: sha256Ref(manifest),
    checkedAt: new Date().toISOString(),
    ciRunUrl: ciRunUrl(io.env),
    commitSha: io.env.GITHUB_SHA ?? io.env.CI_COMMIT_SHA ?? null,
  }
}

/** The prompt the manifest names; null when it is not a readable manifest (the check says why). */
function promptNameOf(manifest: string): string | null {
  try {
    const parsed: unknown = JSON.parse(manifest)
    const name =
      typeof parsed === 'object' && parsed !== null ? (parsed as { prompt?: unknown }).prompt : null
    return typeof name === 'string' && name !== '' ? name : null
  } catch {
    return null
  }
}

/** The CI run's page: GitHub Actions and GitLab CI say it in their environment. */
function ciRunUrl(env: CliIo['env']): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env
  if (server && repo && run) return `${server}/${repo}/actions/runs/${run}`
  return env.CI_JOB_URL ?? null
}

function writeStatusFile(io: CliIo, file: string, status: CiStatusFile): void {
  const path = resolve(file)
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, `${JSON.stringify(status, null, 2)}\n`, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UsageError(`--ci-status ${file}: cannot write the file (${reason})`)
  }
  line(io.stdout, `${status.command}: CI status written to ${path}`)
}

async function recordInWorkspace(
  io: CliIo,
  status: CiStatusFile,
  recordIn: string | undefined,
): Promise<void> {
  const home = userHome(recordIn, io)
  if (!existsSync(join(home, dbFileName))) {
    if (recordIn !== undefined) throw new UsageError(`--record-in ${recordIn}: no workspace there`)
    line(io.stdout, `${status.command}: not recorded in a workspace (none at ${home})`)
    return
  }
  try {
    const workspace = openWorkspaceAt(home, io)
    try {
      const recorded = await call(workspace.core, 'scorecard.recordCheck', { status, source: 'cli' })
      line(io.stdout, `${status.command}: recorded for "${recorded.promptName}" in ${home}`)
    } finally {
      workspace.dispose()
    }
  } catch (error) {
    const known = expectedFailure(error)
    if (!known && !(error instanceof UsageError)) throw error
    line(
      io.stdout,
      `${status.command}: not recorded in ${home}: ${known?.message ?? (error as Error).message}`,
    )
  }
}
