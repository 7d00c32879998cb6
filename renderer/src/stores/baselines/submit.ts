import { toErrorInfo } from '../../api'
import { submitBusy, submitDone, submitFailed, type SubmitState } from '../load-state'

/**
 * One write the user asked for: busy, then done with its value, or the core's refusal (kept in the submit
 * state to show inline, never thrown at the component). Null means refused.
 */
export async function runSubmit<T>(
  mark: (state: SubmitState) => void,
  request: () => Promise<T>,
): Promise<T | null> {
  mark(submitBusy)
  try {
    const value = await request()
    mark(submitDone)
    return value
  } catch (error) {
    mark(submitFailed(toErrorInfo(error)))
    return null
  }
}
