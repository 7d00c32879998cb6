import type { Db } from './db/connection'
import { createRepos, type Repos } from './db/repos'
import { immediateTransactions, type WriteTransaction } from './db/transaction'

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
}

/** The context over an open workspace database: repos prepared once, transactions on the same connection. */
export function createCoreContext(db: Db, who: { user: string; now: () => string }): CoreContext {
  return { repos: createRepos(db), transaction: immediateTransactions(db), user: who.user, now: who.now }
}

/**
 * Runs a write as one IMMEDIATE transaction: it takes the write lock before its first read, so what it
 * checks cannot change before it writes. `work` must be synchronous — never await inside a transaction.
 */
export function writeTransaction<T>(ctx: Pick<CoreContext, 'transaction'>, work: () => T): T {
  return ctx.transaction(work)
}
