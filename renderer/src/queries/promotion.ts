import { useQueryClient } from '@tanstack/react-query'
import { gateCheckSchema, type GateCheck } from '../../../shared/domain/registry'
import { ApiError } from '../api'
import { rpcQueryKey, useRpcMutation, useRpcQuery } from '../api/query'
import { usePromotion } from '../stores/hooks'
import type { PromotionTarget } from '../stores/registry/promotion-store'

const checkInput = ({ promptId, versionId, env }: PromotionTarget) => ({ promptId, versionId, env })

/**
 * What promoting `target` needs, as the core checks it; refreshed when an approval, a gate result or an
 * environment move is written anywhere while the dialog is open.
 */
export function usePromotionCheck(target: PromotionTarget | null) {
  return useRpcQuery('prompts.checkPromotion', target ? checkInput(target) : null)
}

/** Records an approval; the check is asked again at once (the dialog waits on it, not on db.changed). */
export function useApprove(target: PromotionTarget) {
  const queries = useQueryClient()
  const { setApprovalComment } = usePromotion((s) => s.actions)
  return useRpcMutation('prompts.approve', {
    onSuccess: () => {
      setApprovalComment('')
      void queries.invalidateQueries({ queryKey: rpcQueryKey('prompts.checkPromotion', checkInput(target)) })
    },
  })
}

/**
 * Promotes; the dialog closes on success. A refusal by the gate (someone withdrew an approval, another
 * promotion won) carries the core's check, which replaces the one shown.
 */
export function usePromote(target: PromotionTarget) {
  const queries = useQueryClient()
  const { close } = usePromotion((s) => s.actions)
  return useRpcMutation('prompts.promote', {
    onSuccess: close,
    onError: (error) => {
      const gate = ApiError.is(error, 'FORBIDDEN') ? gateCheckSchema.safeParse(error.details) : null
      if (gate?.success)
        queries.setQueryData<GateCheck>(rpcQueryKey('prompts.checkPromotion', checkInput(target)), gate.data)
    },
  })
}
