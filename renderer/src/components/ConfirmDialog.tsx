import type { ReactNode } from 'react'
import { Dialog } from './Dialog'

interface Props {
  title: string
  /** The dialog's test id; its buttons are `<testId>-confirm` and `<testId>-keep`. */
  testId: string
  /** What happens, and what is kept or replaced. */
  children: ReactNode
  confirmLabel: string
  /** What the other button says, e.g. "Keep running" (default "Cancel"). */
  keepLabel?: string
  /** A step that stops or replaces something: the confirm button is marked as such. */
  danger?: boolean
  onConfirm: () => void
  onClose: () => void
}

/**
 * Asks before a step that changes what others rely on (a gate's baseline, a run that stops). Focus starts on
 * the button that changes nothing, so Enter alone never confirms.
 */
export function ConfirmDialog(props: Props) {
  const { title, testId, children, confirmLabel, keepLabel, danger, onConfirm, onClose } = props
  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      <div className="dialog-body">
        {children}
        <footer className="dialog-actions">
          <button
            type="button"
            className="button"
            data-testid={`${testId}-keep`}
            data-autofocus
            onClick={onClose}
          >
            {keepLabel ?? 'Cancel'}
          </button>
          <button
            type="button"
            className={`button primary${danger ? ' danger' : ''}`}
            data-testid={`${testId}-confirm`}
            onClick={() => {
              onClose()
              onConfirm()
            }}
          >
            {confirmLabel}
          </button>
        </footer>
      </div>
    </Dialog>
  )
}
