import { AppError } from '../../../../shared/contract'
import type { Handlers } from '../dispatch'
import { writeTransaction, type CoreContext } from '../context'
import { modelKey } from '../../../../shared/lib/model-ref'

type PriceHandlers = Pick<Handlers, 'prices.list' | 'prices.save' | 'prices.delete'>

/** The user's own prices per model. Runs already created keep the prices they froze. */
export function priceHandlers(ctx: CoreContext): PriceHandlers {
  const audit = (action: string, id: string, details: Record<string, unknown>): void =>
    ctx.repos.audit.append({
      at: ctx.now(),
      actor: ctx.user,
      action,
      entityType: 'price',
      entityId: id,
      details,
    })
  return {
    'prices.list': () => ctx.repos.priceOverrides.list(),

    'prices.save': (price) =>
      writeTransaction(ctx, () => {
        const before = ctx.repos.priceOverrides.get(price.provider, price.model)
        ctx.repos.priceOverrides.upsert(price, ctx.now())
        audit('price.saved', modelKey(price), { before: before ?? null, after: price })
        return price
      }),

    'prices.delete': ({ provider, model }) =>
      writeTransaction(ctx, () => {
        const before = ctx.repos.priceOverrides.get(provider, model)
        if (!before) throw new AppError('NOT_FOUND', `No price override for ${provider}/${model}`)
        ctx.repos.priceOverrides.delete(provider, model)
        audit('price.deleted', modelKey({ provider, model }), { before })
        return null
      }),
  }
}
