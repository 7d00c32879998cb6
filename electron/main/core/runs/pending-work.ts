import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import { resultKey } from '../../../../shared/lib/model-identity'
import type { Repos } from '../db/repos'
import { PAGE_ROWS, TimeSlicer } from '../time-slice'
import { readSnapshotCases } from '../snapshot-cases'
import { eachPendingWorkItem, type WorkItem } from './work-items'

/** What is still missing of a run, per provider, taken one item at a time as slots free up. */
export interface PendingWork {
  /** The pending items of one provider's models, in the run's order. */
  itemsOf(provider: string): Iterator<WorkItem, void, undefined>
}

/** The resultKey of every result the run already has, read in pages like the cases. */
async function readDoneKeys(repos: Repos, runId: string): Promise<Set<string>> {
  const slicer = new TimeSlicer()
  const done = new Set<string>()
  for (let after = 0; ;) {
    const page = repos.runResults.doneKeysAfter(runId, after, PAGE_ROWS)
    for (const { key } of page) done.add(resultKey(key))
    const last = page.at(-1)
    if (!last || page.length < PAGE_ROWS) return done
    after = last.row
    await slicer.pause()
  }
}

/**
 * Everything of `run` without a result yet, of the cases `include` keeps (all by default). Nothing is built
 * ahead: each provider's items are generated as its calls take them, so a run of 50,000 calls holds only
 * the few hundred in flight.
 */
export async function pendingWork(
  repos: Repos,
  run: Run,
  versions: readonly PromptVersion[],
  include: (caseId: string) => boolean = () => true,
): Promise<PendingWork> {
  const all = await readSnapshotCases(repos, run.datasetSnapshotId)
  const cases = all.filter((c) => include(c.id))
  const done = await readDoneKeys(repos, run.id)
  const { models, repeats } = run.plan
  return {
    itemsOf: (provider) =>
      eachPendingWorkItem(
        cases,
        versions,
        models.filter((m) => m.provider === provider),
        repeats,
        done,
      ),
  }
}
