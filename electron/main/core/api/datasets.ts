import { AppError } from '../../../../shared/contract'
import type { Handlers } from '../dispatch'
import type { CoreContext } from './context'

export function datasetHandlers(ctx: CoreContext): Pick<Handlers, 'datasets.list' | 'datasets.cases'> {
  const { datasets, datasetCases } = ctx.repos
  return {
    'datasets.list': () => datasets.list(),

    'datasets.cases': ({ datasetId, offset, limit }) => {
      if (!datasetCases.datasetExists(datasetId)) {
        throw new AppError('NOT_FOUND', `No dataset with id ${datasetId}`)
      }
      return {
        total: datasetCases.count(datasetId),
        offset,
        cases: datasetCases.page(datasetId, offset, limit),
      }
    },
  }
}
