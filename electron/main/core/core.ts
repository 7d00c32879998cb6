import { userInfo } from 'node:os'
import type { AppStatus } from '../../../shared/domain/workspace'
import { createHandlers, createUnavailableHandlers } from './api'
import { bundledMigrations, type Migration } from './db/migrations'
import { WorkspaceOpenError } from './db/migrate'
import { createCoreContext } from './context'
import type { ImportLimits } from './datasets/files'
import { seedDemo } from './demo/seed'
import { createDispatch, type Dispatch } from './dispatch'
import { EventBus } from './events'
import { RunManager } from './runs/runner'
import { PairwiseManager } from './scoring/pairwise/manager'
import { PlaygroundManager } from './playground/manager'
import type { RunnerOptions } from './runs/run-options'
import type { ProviderSettings } from './llm/providers/settings'
import type { PromotionRequirement } from './prompts/promotion'
import { createEnvironmentSecretStore, type SecretStore } from './secrets'
import type { SigningKeyStore } from './signing'
import { dbFileName, openWorkspace, type OpenedWorkspace } from './workspace/open'
import { join } from 'node:path'

export interface CoreOptions {
  /** The data folder holding evallab.db; created when missing. */
  home: string
  /** Path to a better_sqlite3.node built for the running runtime (Electron passes its own ABI build). */
  nativeBinding?: string
  /** Seed the demo workspace when the database is new (default true). */
  seedDemo?: boolean
  /** Name recorded as author/actor; defaults to the OS user name. */
  user?: string
  /** For tests: the migrations to apply instead of the bundled ones. */
  migrations?: readonly Migration[]
  now?: () => string
  /** Extra conditions a promotion must meet, beside the default approval and eval gate for prod. */
  promotionRequirements?: readonly PromotionRequirement[]
  /** For tests: lower dataset import limits (file size, field length). */
  importLimits?: Partial<ImportLimits>
  /** Provider settings by name (tests point them at the mock server); else from Settings and the key store. */
  providerSettings?: Record<string, ProviderSettings>
  /**
   * Where API keys are kept: the Electron app passes a safeStorage-backed store. Default: the environment
   * only (browser host, CLI), read from `runner.env` or process.env.
   */
  secrets?: SecretStore
  /** Users' Ed25519 signing keys: the app passes a safeStorage-backed store; memory-only by default. */
  signingKeys?: SigningKeyStore
  /** For tests: retry policy, timeouts, batch and progress intervals, demo latency. */
  runner?: Omit<RunnerOptions, 'providerSettings' | 'secrets'>
}

export interface Core {
  readonly dispatch: Dispatch
  readonly bus: EventBus
  /** Ready, or why the workspace could not be opened (the renderer shows a recovery screen). */
  readonly status: AppStatus
  close(): void
}

/** Opens a workspace and returns its dispatch. Never throws for a bad workspace: status says why. */
export function openCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date().toISOString())
  const user = options.user ?? defaultUser()
  const bus = new EventBus()
  let workspace: OpenedWorkspace
  try {
    workspace = openWorkspace({
      home: options.home,
      migrations: options.migrations ?? bundledMigrations,
      now,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    })
  } catch (error) {
    if (!(error instanceof WorkspaceOpenError)) throw error
    return unavailableCore(options.home, error, bus)
  }
  const status: AppStatus = {
    state: 'ready',
    home: workspace.home,
    dbFile: workspace.dbFile,
    schemaVersion: workspace.schemaVersion,
    user,
  }
  const env = options.runner?.env ?? process.env
  const keys = { env, secrets: options.secrets ?? createEnvironmentSecretStore(env) }
  const runnerOptions = {
    ...options.runner,
    secrets: keys.secrets,
    ...(options.providerSettings ? { providerSettings: options.providerSettings } : {}),
  }
  // One gateway, so one limiter per provider, for every run, judge and canary of this core.
  const ctx = createCoreContext(workspace.db, { user, now }, runnerOptions)
  // A snapshot a crash cut off while it was written in chunks was never visible: nothing refers to it.
  ctx.repos.snapshots.removeDrafts()
  if (workspace.created && (options.seedDemo ?? true)) seedDemo(ctx, now)
  const runs = new RunManager(ctx, bus, runnerOptions)
  // Pairwise judges are called like scoring judges: the same provider settings, keys and retry policy.
  const pairwise = new PairwiseManager(ctx, bus, runnerOptions)
  const playground = new PlaygroundManager(ctx, bus, runnerOptions)
  const handlers = createHandlers(ctx, status, runs, keys, pairwise, {
    promotionRequirements: options.promotionRequirements ?? [],
    importLimits: options.importLimits ?? {},
    // Judges are called like eval calls: the same provider settings, keys, retry policy and timeouts.
    scoring: runnerOptions,
    ...(options.signingKeys ? { signingKeys: options.signingKeys } : {}),
    playground,
  })
  return {
    dispatch: createDispatch(handlers, bus, { dbFile: workspace.dbFile }),
    bus,
    status,
    close: () => {
      // Queued results are written before the file closes; unfinished runs stay resumable.
      runs.close()
      pairwise.close()
      playground.close()
      workspace.close()
    },
  }
}

/** A workspace that could not be opened still answers app.status, so the UI can say why. */
function unavailableCore(home: string, error: WorkspaceOpenError, bus: EventBus): Core {
  const status: AppStatus = {
    state: 'failed',
    home,
    failure: {
      kind: error.kind,
      message: error.message,
      dbFile: join(home, dbFileName),
      backupFile: error.backupFile,
    },
  }
  return { dispatch: createDispatch(createUnavailableHandlers(status), bus), bus, status, close: () => {} }
}

function defaultUser(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}
