import { useMemo } from 'react'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { toErrorInfo } from '../../../api'
import { usePromptHistory } from '../../../queries/history'
import { useRollback } from '../../../stores/hooks'
import { versionIdOf } from '../../../stores/prompts/selectors'
import type { RollbackTarget } from '../../../stores/registry/rollback-store'
import { rollbackTargets } from '../../../stores/registry/rollback-targets'
import { RollbackOptions } from './RollbackOptions'
import {
  selectRollbackActions,
  selectRollbackDialog,
  selectRollbackReason,
  selectRollbackSubmit,
  selectRollbackTo,
} from '../../../stores/registry/selectors'

/**
 * Points prod back at an older version, with a recorded reason. The versions it served before (read from
 * the history) come first and the most recent one is preselected; never-served older ones are listed apart.
 */
export function RollbackDialog({ detail }: { detail: PromptDetail }) {
  const dialog = useRollback(selectRollbackDialog)
  if (!dialog || dialog.promptId !== detail.prompt.id) return null
  return <RollbackForm dialog={dialog} detail={detail} />
}

function RollbackForm({ dialog, detail }: { dialog: RollbackTarget; detail: PromptDetail }) {
  const history = usePromptHistory(dialog.promptId)
  const entries = history.data
  const toNumber = useRollback(selectRollbackTo)
  const reason = useRollback(selectRollbackReason)
  const submit = useRollback(selectRollbackSubmit)
  const { close, setTarget, setReason, confirm } = useRollback(selectRollbackActions)

  const numbers = useMemo(() => detail.versions.map((v) => v.number), [detail])
  const options = useMemo(
    () => (entries ? rollbackTargets(entries, numbers, dialog.env, dialog.currentNumber) : []),
    [entries, numbers, dialog],
  )
  const neverServed = options.every((o) => o.lastServed === null)
  const chosen = toNumber ?? options[0]?.versionNumber ?? null
  const toVersionId = chosen === null ? null : versionIdOf(detail, chosen)
  const ready = toVersionId !== null && reason.trim().length > 0 && submit.status !== 'busy'

  return (
    <Dialog
      title={`Roll back ${dialog.env} (now v${dialog.currentNumber})`}
      testId="rollback-dialog"
      onClose={close}
    >
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault()
          if (ready && toVersionId) void confirm(toVersionId)
        }}
      >
        {history.error ? (
          <ErrorNotice
            title="Could not read the history"
            error={toErrorInfo(history.error)}
            testId="rollback-history-error"
          />
        ) : null}
        {history.isPending && options.length === 0 ? <p className="muted">Reading the history…</p> : null}
        {history.isSuccess && options.length === 0 ? (
          <p className="muted" data-testid="rollback-empty">
            There is no version older than v{dialog.currentNumber} to roll back to.
          </p>
        ) : null}
        {history.isSuccess && options.length > 0 && neverServed ? (
          <p className="muted" data-testid="rollback-never-served">
            {dialog.env} has not served an older version before: any older version can be chosen, but none is
            known to have worked there.
          </p>
        ) : null}
        <label className="field">
          <span className="field-label">Roll back to</span>
          <select
            data-testid="rollback-target"
            data-autofocus
            value={chosen ?? ''}
            disabled={options.length === 0}
            onChange={(e) => setTarget(Number(e.target.value))}
          >
            <RollbackOptions env={dialog.env} options={options} />
          </select>
        </label>
        <label className="field">
          <span className="field-label">Reason (recorded in the history)</span>
          <textarea
            data-testid="rollback-reason"
            rows={2}
            maxLength={1000}
            placeholder="What went wrong with the current version"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {submit.error ? (
          <ErrorNotice title="Not rolled back" error={submit.error} testId="rollback-error" />
        ) : null}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="confirm-rollback" disabled={!ready}>
            {submit.status === 'busy'
              ? 'Rolling back…'
              : chosen === null
                ? 'Roll back'
                : `Roll back to v${chosen}`}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
