import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

interface Props {
  title: string
  testId: string
  onClose: () => void
  children: ReactNode
  /** Extra class on the panel, e.g. "wide". */
  className?: string
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** True while a modal dialog is open: page-wide shortcuts (save, new) stand aside. */
export function isModalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null
}

/**
 * A modal dialog: focus moves into it (the element marked `data-autofocus`, else the first field), Tab
 * cycles inside it, Esc closes it, and focus returns to where it was when it closes.
 */
export function Dialog({ title, testId, onClose, children, className }: Props) {
  const panel = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const close = useRef(onClose)
  // Where focus was when the dialog opened (read once, at the first render): it goes back there on close.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  )
  useEffect(() => {
    close.current = onClose
  }, [onClose])

  useEffect(() => {
    const root = panel.current
    const fields = [...(root?.querySelectorAll<HTMLElement>(focusable) ?? [])]
    const preferred = root?.querySelector<HTMLElement>('[data-autofocus]')
    const first =
      (preferred && fields.includes(preferred) ? preferred : null) ??
      fields.find((el) => !el.dataset.dialogClose) ??
      root
    first?.focus()
    // Esc closes from anywhere, also when focus is not inside the dialog (a disabled field, a click outside).
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      close.current()
    }
    document.addEventListener('keydown', onEscape)
    return () => {
      document.removeEventListener('keydown', onEscape)
      if (opener?.isConnected) opener.focus()
    }
  }, [opener])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'Tab' || !panel.current) return
    const items = [...panel.current.querySelectorAll<HTMLElement>(focusable)]
    const first = items[0]
    const last = items.at(-1)
    if (!first || !last) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={panel}
        className={`dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label="Close"
            data-dialog-close="true"
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  )
}
