import type { Db } from '../db/connection'
import type { Repos } from '../db/repos'
import type { LlmGateway } from '../llm/gateway'

/** What every handler may use. Handlers call repos and domain modules; they never build SQL. */
export interface CoreContext {
  db: Db
  repos: Repos
  /** Recorded as author/actor of every change made through this core. */
  user: string
  now: () => string
  /** The one gateway to models of this core: one lane per provider, shared by runs, judges and the CLI. */
  llm: LlmGateway
}

/**
 * Runs a write as one IMMEDIATE transaction: it takes the write lock before its first read, so what it
 * checks cannot change before it writes. `work` must be synchronous — never await inside a transaction.
 */
export function writeTransaction<T>(ctx: CoreContext, work: () => T): T {
  return ctx.db.transaction(work).immediate()
}
