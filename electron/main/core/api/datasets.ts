import type { DatasetCasePage } from '../../../../shared/domain/datasets'
import type { ParsedInput } from '../../../../shared/contract'
import type { Handlers } from '../dispatch'
import { datasetDetail, requireDataset } from '../datasets/detail'
import { diffSnapshots } from '../datasets/diff'
import { findDuplicates } from '../datasets/duplicates'
import { requireSnapshot } from '../datasets/snapshot'
import type { CoreContext } from '../context'

type DatasetHandlers = Pick<
  Handlers,
  'datasets.list' | 'datasets.cases' | 'datasets.get' | 'datasets.diffSnapshots' | 'datasets.duplicates'
>

/** Reading datasets; the writes are in dataset-edits.ts, cases.ts and dataset-files.ts. */
export function datasetHandlers(ctx: CoreContext): DatasetHandlers {
  const { repos } = ctx
  return {
    'datasets.list': () => repos.datasets.list(),

    'datasets.cases': (input) => casesPage(ctx, input),

    'datasets.get': ({ id }) => datasetDetail(repos, id),

    'datasets.diffSnapshots': ({ datasetId, from, to }) => diffSnapshots(repos, datasetId, from, to),

    'datasets.duplicates': ({ datasetId, threshold }) => {
      requireDataset(repos, datasetId)
      return findDuplicates(repos.datasetCases.all(datasetId), threshold)
    },
  }
}

/** A page of the working copy, or of one snapshot; `total` counts the cases the filter keeps. */
function casesPage(ctx: CoreContext, input: ParsedInput<'datasets.cases'>): DatasetCasePage {
  const { datasetId, snapshotId, offset, limit, search, tags } = input
  const { repos } = ctx
  requireDataset(repos, datasetId)
  const filter = { search, tags }
  if (snapshotId === undefined) {
    const cases = repos.datasetCases
    return {
      total: cases.count(datasetId, filter),
      offset,
      cases: cases.page(datasetId, offset, limit, filter),
    }
  }
  const snapshot = requireSnapshot(ctx, datasetId, snapshotId)
  return {
    total: repos.snapshots.countCases(snapshot.id, filter),
    offset,
    cases: repos.snapshots.pageCases(snapshot.id, offset, limit, filter),
  }
}
