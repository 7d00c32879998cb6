import type { Db } from './db/connection'
import { createRepos, type Repos } from './db/repos'
import { immediateTransactions, type WriteTransaction } from './db/transaction'
import { createLlmGateway, type LlmGateway } from './llm/gateway'
import type { LlmOptions } from './llm/options'

/**
 * What a domain module receives: repos (the only way to SQL), a transaction helper, the user and the clock.
 * Never the raw database: a domain module cannot build SQL.
 */
export interface CoreContext {
  repos: Repos
  /** Runs a write as one IMMEDIATE transaction (see db/transaction.ts); never await inside it. */
  transaction: WriteTransaction
  /** Recorded as author/actor of every change made through this core. */
  user: string
  now: () => string
  /** The one gateway to models of this core: one lane per provider, shared by runs, judges and the CLI. */
  llm: LlmGateway
}

/**
 * The context over an open workspace database: repos prepared once, transactions on the same connection,
 * and the core's one LLM gateway over those repos.
 */
export function createCoreContext(
  db: Db,
  who: { user: string; now: () => string },
  llmOptions: LlmOptions = {},
): CoreContext {
  const repos = createRepos(db)
  const llm = createLlmGateway({ repos, options: llmOptions })
  return { repos, transaction: immediateTransactions(db), user: who.user, now: who.now, llm }
}

/**
 * Runs a write as one IMMEDIATE transaction: it takes the write lock before its first read, so what it
 * checks cannot change before it writes. `work` must be synchronous — never await inside a transaction.
 */
export function writeTransaction<T>(ctx: Pick<CoreContext, 'transaction'>, work: () => T): T {
  return ctx.transaction(work)
}
