import type { ErrorInfo } from '../../../shared/contract'
import { appMode } from '../api/app-mode'
import { errorHint } from './error-hint'

interface Props {
  error: ErrorInfo
  /** What was being attempted, e.g. "Could not load prompts". */
  title: string
  testId?: string
}

/**
 * An inline error: the attempt, the core's own message, and what to do about it. The code (INVALID_INPUT…)
 * is for programs, not people: it stays in `data-error-code` for tests and bug reports, never in the text.
 */
export function ErrorNotice({ error, title, testId }: Props) {
  return (
    <div className="error-notice" role="alert" data-testid={testId} data-error-code={error.code}>
      <strong>{title}</strong>
      <span className="error-message">{error.message}</span>
      <span className="error-hint">{errorHint(error, appMode())}</span>
    </div>
  )
}
