import type { Handlers } from '../dispatch'
import { promptDetail } from '../prompts/detail'
import { approve, checkPromotion, promote, rollback } from '../prompts/environments'
import type { PromotionGate } from '../prompts/promotion'
import { writeTransaction, type CoreContext } from '../context'

type EnvironmentHandlers = Pick<
  Handlers,
  'prompts.checkPromotion' | 'prompts.approve' | 'prompts.promote' | 'prompts.rollback'
>

/** Promotion goes through `gate`; which requirements it enforces is decided where handlers are created. */
export function environmentHandlers(ctx: CoreContext, gate: PromotionGate): EnvironmentHandlers {
  return {
    'prompts.checkPromotion': (request) => checkPromotion(ctx, gate, request),

    'prompts.approve': (input) => writeTransaction(ctx, () => approve(ctx, input)),

    // The detail shows the version that was promoted or rolled back to, with the environments after the move.
    'prompts.promote': (input) =>
      writeTransaction(ctx, () => {
        const version = promote(ctx, gate, input)
        return promptDetail(ctx.repos, version.promptId, version.number)
      }),

    'prompts.rollback': (input) =>
      writeTransaction(ctx, () => {
        const version = rollback(ctx, input)
        return promptDetail(ctx.repos, version.promptId, version.number)
      }),
  }
}
