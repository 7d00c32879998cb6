import type { ErrorInfo } from '../../../shared/contract'
import { errorHint } from './error-hint'

interface Props {
  error: ErrorInfo
  /** What was being attempted, e.g. "Could not load prompts". */
  title: string
  testId?: string
}

/** An inline error: the attempt, the core's own message, what to do about it, and its code for bug reports. */
export function ErrorNotice({ error, title, testId }: Props) {
  const hint = errorHint(error.code)
  return (
    <div className="error-notice" role="alert" data-testid={testId} data-error-code={error.code}>
      <strong>{title}</strong>
      <span className="error-message">{error.message}</span>
      <span className="error-code">{error.code}</span>
      {hint ? <span className="error-hint">{hint}</span> : null}
    </div>
  )
}
