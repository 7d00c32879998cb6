import { ErrorNotice } from '../../../components/ErrorNotice'
import { useApprove } from '../../../queries/promotion'
import { submitOf } from '../../../queries/submit'
import { usePromotion } from '../../../stores/hooks'
import type { PromotionTarget } from '../../../stores/registry/promotion-store'
import { selectApprovalComment, selectPromotionActions } from '../../../stores/registry/selectors'

/** Records "I checked this version for prod" with a comment; the gate is checked again afterwards. */
export function ApprovalForm({ target }: { target: PromotionTarget }) {
  const { versionNumber, promptId, versionId, env } = target
  const comment = usePromotion(selectApprovalComment)
  const approveCall = useApprove(target)
  const approval = submitOf(approveCall)
  const { setApprovalComment } = usePromotion(selectPromotionActions)
  const busy = approval.status === 'busy'
  return (
    <fieldset className="approval-form">
      <legend>Approve v{versionNumber} for prod</legend>
      <textarea
        aria-label="Approval comment"
        data-testid="approval-comment"
        rows={2}
        maxLength={1000}
        placeholder="What you checked (eval results, reviewed outputs…)"
        value={comment}
        onChange={(e) => setApprovalComment(e.target.value)}
      />
      <button
        type="button"
        className="button"
        data-testid="confirm-approval"
        disabled={busy || comment.trim().length === 0}
        onClick={() => approveCall.mutate({ promptId, versionId, env, comment })}
      >
        {busy ? 'Recording…' : 'Approve'}
      </button>
      {approval.status === 'done' ? (
        <span className="save-ok" role="status" data-testid="approval-status">
          Approval recorded.
        </span>
      ) : null}
      {approval.error ? (
        <ErrorNotice title="Not approved" error={approval.error} testId="approval-error" />
      ) : null}
    </fieldset>
  )
}
