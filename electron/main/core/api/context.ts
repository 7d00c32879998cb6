import type { Db } from '../db/connection'
import type { Repos } from '../db/repos'

/** What every handler may use. Handlers call repos and domain modules; they never build SQL. */
export interface CoreContext {
  db: Db
  repos: Repos
  /** Recorded as author/actor of every change made through this core. */
  user: string
  now: () => string
}
