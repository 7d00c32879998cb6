import type { Handlers } from '../dispatch'
import { importProductionLog, previewProductionLog } from '../production/import'
import { productionSettings, saveProductionSettings } from '../production/settings'
import { writeTransaction, type CoreContext } from '../context'

type ImportHandlers = Pick<
  Handlers,
  'production.settings' | 'production.saveSettings' | 'production.preview' | 'production.import'
>

/** Sampling settings and the log import (parsing happens before any transaction). */
export function productionImportHandlers(ctx: CoreContext): ImportHandlers {
  return {
    'production.settings': ({ promptId }) => productionSettings(ctx.repos, promptId),
    'production.saveSettings': (input) => writeTransaction(ctx, () => saveProductionSettings(ctx, input)),
    'production.preview': (input) => previewProductionLog(ctx, input),
    'production.import': (input) => importProductionLog(ctx, input),
  }
}
