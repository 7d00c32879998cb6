import type { Environment } from '../../../../shared/domain/environments'
import type { HistoryEntry } from '../../../../shared/domain/registry'

export interface RollbackOption {
  versionNumber: number
  /** When the environment last served it (from its promotions and rollbacks); null if it never did. */
  lastServed: string | null
}

/**
 * The versions an environment can roll back to: any version older than the one it serves now (the core
 * refuses a newer one: that is a promotion). The ones it served before come first, most recent first —
 * the usual emergency exit is the last known-good version — then the never-served ones, newest first.
 */
export function rollbackTargets(
  entries: HistoryEntry[],
  versionNumbers: number[],
  env: Environment,
  currentNumber: number,
): RollbackOption[] {
  const served = servedBefore(entries, env)
  return versionNumbers
    .filter((n) => n < currentNumber)
    .map((versionNumber) => ({ versionNumber, lastServed: served.get(versionNumber) ?? null }))
    .sort((a, b) => {
      if (a.lastServed !== b.lastServed) {
        if (a.lastServed === null) return 1
        if (b.lastServed === null) return -1
        return a.lastServed < b.lastServed ? 1 : -1
      }
      return b.versionNumber - a.versionNumber
    })
}

/** Version number → the last time `env` pointed at it, read from its promotions and rollbacks. */
function servedBefore(entries: HistoryEntry[], env: Environment): Map<number, string> {
  const seen = new Map<number, string>()
  const note = (n: number | null, at: string) => {
    if (n === null) return
    const before = seen.get(n)
    if (before === undefined || before < at) seen.set(n, at)
  }
  for (const e of entries) {
    if (e.env !== env || (e.action !== 'env.promoted' && e.action !== 'env.rolled_back')) continue
    note(e.versionNumber, e.at)
    note(e.fromVersionNumber, e.at)
  }
  return seen
}
