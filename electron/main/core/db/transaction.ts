import type { Db } from './connection'

/** Runs `work` as one write transaction and returns what it returns. */
export type WriteTransaction = <T>(work: () => T) => T

/**
 * IMMEDIATE transactions: each takes the write lock before its first read, so what it checks cannot change
 * before it writes. `work` must be synchronous — never await inside a transaction.
 */
export function immediateTransactions(db: Db): WriteTransaction {
  return (work) => db.transaction(work).immediate()
}
