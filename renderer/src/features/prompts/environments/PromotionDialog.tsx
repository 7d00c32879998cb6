import { useState } from 'react'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { UnknownProviderNote } from '../../../components/UnknownProviderNote'
import { selectAppActions } from '../../../stores/app/selectors'
import { useProviderList } from '../../../queries/providers'
import { useApp, usePromotion } from '../../../stores/hooks'
import { isConfigured } from '../../../stores/providers/selectors'
import { toErrorInfo } from '../../../api'
import { usePromote, usePromotionCheck } from '../../../queries/promotion'
import { submitOf } from '../../../queries/submit'
import { gateStanding, type PromotionTarget } from '../../../stores/registry/promotion-store'
import {
  canPromote as promotable,
  selectOverride,
  selectOverrideReason,
  selectPromotionActions,
  selectPromotionReason,
  selectPromotionTarget,
} from '../../../stores/registry/selectors'
import { ApprovalForm } from './ApprovalForm'
import { GateOverride } from './GateOverride'
import { GateRequirements } from './GateRequirements'

/**
 * Promote the shown version: what the gate requires (checked by the core), a reason, and for prod an
 * approval that can be recorded here. Confirm stays disabled until the gate allows it, or until only the
 * eval gate is unmet and the user overrides it with a reason.
 */
export function PromotionDialog() {
  const target = usePromotion(selectPromotionTarget)
  if (!target) return null
  return <PromotionForm key={`${target.versionId}:${target.env}`} target={target} />
}

/** A version pinned to a provider Settings lacks can never be gated here: say so before anything else. */
function PinnedProviderCheck({ model }: { model: ModelRef }) {
  const { providers } = useProviderList()
  const { navigate } = useApp(selectAppActions)
  if (!providers || isConfigured(providers, model.provider) !== false) return null
  return (
    <UnknownProviderNote
      model={model}
      configured={providers.map((p) => p.name)}
      consequence="No eval gate can run on it here, so prod promotion has no evidence"
      onOpenSettings={() => navigate('settings')}
      testId="promotion-unknown-provider"
    />
  )
}

function PromotionForm({ target }: { target: PromotionTarget }) {
  const checkQuery = usePromotionCheck(target)
  const check = checkQuery.data
  const reason = usePromotion(selectPromotionReason)
  const override = usePromotion(selectOverride)
  const overrideReason = usePromotion(selectOverrideReason)
  const promoteCall = usePromote(target)
  const submit = submitOf(promoteCall)
  const standing = gateStanding(check)
  const canPromote = promotable(
    { data: check, failed: checkQuery.isError },
    { reason, override, overrideReason },
    promoteCall.isPending,
  )
  const { close, setReason } = usePromotion(selectPromotionActions)
  const promote = () => {
    const overrideGateReason = override && standing === 'overridable' ? overrideReason.trim() : ''
    const { promptId, versionId, env } = target
    promoteCall.mutate({
      promptId,
      versionId,
      env,
      reason,
      ...(overrideGateReason ? { overrideGateReason } : {}),
    })
  }
  const [approving, setApproving] = useState(false)
  const { env, versionNumber } = target

  return (
    <Dialog title={`Promote v${versionNumber} to ${env}`} testId="promotion-dialog" onClose={close}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault()
          if (canPromote) promote()
        }}
      >
        {target.model ? <PinnedProviderCheck model={target.model} /> : null}
        <section aria-label="Requirements">
          <h3>Requirements</h3>
          {checkQuery.isPending ? <p className="muted">Checking…</p> : null}
          {checkQuery.error ? (
            <ErrorNotice
              title="Could not check the gate"
              error={toErrorInfo(checkQuery.error)}
              testId="gate-error"
            />
          ) : null}
          {check ? <GateRequirements check={check} /> : null}
          {check && !check.allowed ? (
            <p className="muted" data-testid="gate-blocked">
              {standing === 'overridable'
                ? 'Only the eval gate is unmet: promote once it passes, or override it with a reason.'
                : 'Promotion is blocked until every requirement is met.'}{' '}
              <button type="button" className="link-button" onClick={() => void checkQuery.refetch()}>
                Check again
              </button>
            </p>
          ) : null}
        </section>
        {standing === 'overridable' ? <GateOverride /> : null}
        {env === 'prod' ? (
          approving ? (
            <ApprovalForm target={target} />
          ) : (
            <button
              type="button"
              className="button"
              data-testid="approve-version"
              onClick={() => setApproving(true)}
            >
              Approve v{versionNumber} for prod…
            </button>
          )
        ) : null}
        <label className="field">
          <span className="field-label">Reason (recorded in the history)</span>
          <textarea
            data-testid="promotion-reason"
            data-autofocus
            rows={2}
            maxLength={1000}
            placeholder={`Why v${versionNumber} should serve ${env}`}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              if (promoteCall.isError) promoteCall.reset()
            }}
          />
        </label>
        {submit.error ? (
          <ErrorNotice title="Not promoted" error={submit.error} testId="promotion-error" />
        ) : null}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="confirm-promotion"
            disabled={!canPromote}
          >
            {submit.status === 'busy' ? 'Promoting…' : `Promote to ${env}`}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
