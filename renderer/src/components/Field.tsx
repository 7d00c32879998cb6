import type { ReactNode } from 'react'

interface Props {
  label: string
  children: ReactNode
  /** Shown under the control in red; also marks the control's wrapper invalid. */
  error?: string | undefined
  hint?: ReactNode
  className?: string
}

/** A label above its control, with an optional hint and an inline error. */
export function Field({ label, children, error, hint, className }: Props) {
  return (
    <label className={`field ${className ?? ''}`} data-invalid={error ? 'true' : undefined}>
      <span className="field-label">{label}</span>
      {children}
      {hint ? <span className="field-hint">{hint}</span> : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  )
}
