import type { Handlers } from '../dispatch'
import { datasetDetail } from '../datasets/detail'
import { exportDataset } from '../datasets/export'
import type { ImportLimits } from '../datasets/files'
import { previewImport, readImport, storeImport } from '../datasets/import'
import { writeTransaction, type CoreContext } from '../context'

type FileHandlers = Pick<Handlers, 'datasets.importPreview' | 'datasets.importCommit' | 'datasets.export'>

/** `limits` lowers the import size limits (tests); the defaults are the file layer's. */
export function datasetFileHandlers(ctx: CoreContext, limits: Partial<ImportLimits> = {}): FileHandlers {
  return {
    'datasets.importPreview': (input) => previewImport(input, limits),

    // Decoding, parsing and mapping happen before the transaction, so the write lock is held only to store.
    'datasets.importCommit': ({ target, ...file }) => {
      const ready = readImport(file, limits)
      return writeTransaction(ctx, () => {
        const { datasetId, summary } = storeImport(ctx, ready, target)
        return { ...datasetDetail(ctx.repos, datasetId), imported: summary }
      })
    },

    'datasets.export': (input) => exportDataset(ctx.repos, input),
  }
}
