import type { z } from 'zod'

/**
 * The first reason a call's input was refused, as a sentence a person can act on: which value, what is
 * wrong with it, and what to do. The method stays out of it (it is jargon to the reader); the full list of
 * issues travels in the error's details for a bug report.
 */
export function describeInputIssues(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'Eval Lab could not accept this request. Check the values you entered and try again.'
  const what = first.path.length > 0 ? `The value of “${first.path.join('.')}”` : 'The request'
  const reason = first.message.replace(/\.$/, '')
  return `${what} was not accepted (${reason}). Correct it and try again.`
}
