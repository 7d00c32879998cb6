import type { UseMutationResult } from '@tanstack/react-query'
import { toErrorInfo } from '../api'
import type { SubmitState } from '../stores/load-state'

/** A write's outcome as a form shows it: busy, done, or the core's refusal. */
export function submitOf(m: Pick<UseMutationResult<unknown, Error, never>, 'status' | 'error'>): SubmitState {
  if (m.status === 'pending') return { status: 'busy', error: null }
  if (m.status === 'success') return { status: 'done', error: null }
  if (m.status === 'error') return { status: 'error', error: toErrorInfo(m.error) }
  return { status: 'idle', error: null }
}
