import type { Handlers } from '../dispatch'
import type { CoreContext } from './context'

export function datasetHandlers(ctx: CoreContext): Pick<Handlers, 'datasets.list'> {
  return {
    'datasets.list': () => ctx.repos.datasets.list(),
  }
}
