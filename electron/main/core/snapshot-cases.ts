import type { DatasetCase } from '../../../shared/domain/datasets'
import type { Repos } from './db/repos'
import { PAGE_ROWS, TimeSlicer } from './time-slice'

/** The snapshot's cases in order, a page at a time, giving the event loop a turn whenever a slice runs out. */
export async function readSnapshotCases(repos: Repos, snapshotId: string): Promise<DatasetCase[]> {
  const slicer = new TimeSlicer()
  const cases: DatasetCase[] = []
  for (let position = 0; ;) {
    const page = repos.snapshots.casesFrom(snapshotId, position, PAGE_ROWS)
    for (const c of page.cases) cases.push(c)
    if (page.cases.length < PAGE_ROWS) return cases
    position = page.next
    await slicer.pause()
  }
}
