import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openCore, platformDataDir, resolveHome, type Core } from '../core'
import type { CallLimitOverrides } from '../core/llm/call-limits'
import type { ProviderSettings } from '../core/llm/providers/settings'
import { UsageError, type CliIo } from './io'
import { terminalAdvice } from './providers'

export interface CliWorkspace {
  core: Core
  home: string
  /** Closes the core and removes the folder when it was a throw-away one. */
  dispose(): void
}

/** --workspace DIR, else EVALLAB_HOME, else the desktop app's folder: where export and import work. */
export function userHome(workspace: string | undefined, io: CliIo): string {
  if (workspace) return resolve(workspace)
  return resolveHome([], io.env, platformDataDir())
}

/** Opens an existing or new workspace without the demo data (a CLI never wants sample prompts). */
export function openWorkspaceAt(
  home: string,
  io: CliIo,
  providerSettings: Record<string, ProviderSettings> = {},
  callLimits: CallLimitOverrides = {},
): CliWorkspace {
  const core = openCore({
    home,
    seedDemo: false,
    providerSettings,
    // Errors about a provider say which flag or variable fixes them, not where in Settings;
    // --request-timeout / --idle-timeout apply to every provider, those of Settings and --provider alike.
    // A batch-mode run still waiting in this workspace is continued only by `run --resume`, never as a side
    // effect of another command.
    runner: { env: io.env, providerAdvice: terminalAdvice, callLimits, resumeBatchRuns: false },
  })
  if (core.status.state === 'failed') {
    core.close()
    throw new UsageError(`Cannot open the workspace ${home}: ${core.status.failure.message}`)
  }
  return { core, home, dispose: () => core.close() }
}

/** A fresh workspace in the temp folder, removed at the end: a gate in CI leaves nothing behind. */
export function openTempWorkspace(
  io: CliIo,
  providerSettings: Record<string, ProviderSettings> = {},
  callLimits: CallLimitOverrides = {},
): CliWorkspace {
  const home = mkdtempSync(join(tmpdir(), 'evallab-cli-'))
  const opened = openWorkspaceAt(home, io, providerSettings, callLimits)
  return {
    ...opened,
    dispose: () => {
      opened.dispose()
      rmSync(home, { recursive: true, force: true })
    },
  }
}

/** Opens --workspace DIR when given (it must exist for run/gate), else a throw-away one. */
export function openRunWorkspace(
  workspace: string | undefined,
  io: CliIo,
  providerSettings: Record<string, ProviderSettings>,
  callLimits: CallLimitOverrides = {},
): CliWorkspace {
  if (workspace === undefined) return openTempWorkspace(io, providerSettings, callLimits)
  return openWorkspaceAt(resolve(workspace), io, providerSettings, callLimits)
}

/** A prompt folder argument: must exist and hold a manifest, or it is a usage error (exit 3). */
export function promptFolder(folder: string): string {
  const absolute = resolve(folder)
  if (!existsSync(absolute)) throw new UsageError(`${folder}: no such folder`)
  if (!existsSync(join(absolute, 'manifest.json'))) {
    throw new UsageError(`${folder}: not a prompt folder (no manifest.json); give evals/<prompt-slug>`)
  }
  return absolute
}
