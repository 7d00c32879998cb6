import type { ErrorInfo } from '../../../../../shared/contract'
import { isUnknownVariableError } from '../../../stores/load-state'

interface Props {
  error: ErrorInfo | null
  onRetry: () => void
  testId: string
  busy?: boolean
}

/**
 * The core refused a `{{variable}}` the prompt did not have (its datasets may not fill it). When the new
 * variable is intended, repeat the call with `allowNewVariables`.
 */
export function AllowNewVariables({ error, onRetry, testId, busy = false }: Props) {
  if (!isUnknownVariableError(error)) return null
  return (
    <p className="allow-new-variables">
      If the new variable is intended (datasets will have to provide it),{' '}
      <button type="button" className="button" data-testid={testId} disabled={busy} onClick={onRetry}>
        Save anyway with the new variable
      </button>
    </p>
  )
}
