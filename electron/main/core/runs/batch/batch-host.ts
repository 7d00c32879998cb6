import type { Run } from '../../../../../shared/domain/runs'
import type { CoreContext } from '../../context'
import type { CachedResponse } from '../cache'
import type { ItemOutcome } from '../run-item'
import type { RunnerOptions } from '../run-options'
import type { StopReason } from '../run-session'
import type { WorkItem } from '../work-items'

/** What the batch lane needs of its run's session: the same writing, cache and stop signals as streamed calls. */
export interface BatchHost {
  ctx: CoreContext
  run: Run
  options: RunnerOptions
  /** The response cache, answers of this run not written yet included. */
  cacheLookup(hash: string): CachedResponse | null
  /** Queues a result through the run's result writer (a cache hit). */
  add(outcome: ItemOutcome): void
  /** Writes results and `also` (the jobs' state) in ONE transaction now; throws when it cannot. */
  writeNow(rows: readonly ItemOutcome[], also: () => void): void
  /** Calls items the streamed way (tool loops), as a streamed run would. */
  stream(items: readonly WorkItem[]): Promise<void>
  stopReason(): StopReason | null
  /** Aborted when the run stops taking work (pause, cancel, close, a failure). */
  stopSignal: AbortSignal
  publish(): void
}

/** Default polling: every 10 s at first, backing off to once a minute while the provider works. */
export const batchPollDefaults = { firstMs: 10_000, maxMs: 60_000 } as const
