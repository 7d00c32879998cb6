import type { Handlers } from '../dispatch'
import { datasetDetail } from '../datasets/detail'
import { createFromCases, deleteDataset, insertDataset, updateDataset } from '../datasets/registry'
import { createSnapshot } from '../datasets/snapshot'
import { writeTransaction, type CoreContext } from '../context'

type EditHandlers = Pick<
  Handlers,
  'datasets.create' | 'datasets.update' | 'datasets.delete' | 'datasets.snapshot' | 'datasets.createFromCases'
>

/** Writes to datasets themselves; each is one transaction with its audit entry. */
export function datasetEditHandlers(ctx: CoreContext): EditHandlers {
  const { repos } = ctx
  return {
    'datasets.create': (input) =>
      writeTransaction(ctx, () => datasetDetail(repos, insertDataset(ctx, input))),

    'datasets.update': (input) =>
      writeTransaction(ctx, () => {
        updateDataset(ctx, input)
        return datasetDetail(repos, input.id)
      }),

    'datasets.delete': ({ id }) =>
      writeTransaction(ctx, () => {
        deleteDataset(ctx, id)
        return { deleted: true as const }
      }),

    'datasets.snapshot': ({ datasetId, message }) =>
      writeTransaction(ctx, () => createSnapshot(ctx, datasetId, message)),

    'datasets.createFromCases': (input) =>
      writeTransaction(ctx, () => datasetDetail(repos, createFromCases(ctx, input))),
  }
}
