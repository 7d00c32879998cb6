import type { AppStatus } from '../../../shared/domain/workspace'
import type { Dispatch } from './dispatch'
import type { EventBus } from './events'

export interface CoreOptions {
  /** The data folder holding evallab.db; created when missing. */
  home: string
  /** Path to a better_sqlite3.node built for the running runtime (Electron passes its own ABI build). */
  nativeBinding?: string
  /** Seed the demo workspace when the folder is empty (default true). */
  seedDemo?: boolean
  /** Name recorded as author/actor; defaults to the OS user name. */
  user?: string
}

export interface Core {
  readonly dispatch: Dispatch
  readonly bus: EventBus
  /** Ready, or why the workspace could not be opened (the renderer shows a recovery screen). */
  readonly status: AppStatus
  close(): void
}

export declare function openCore(options: CoreOptions): Core
