import { z } from 'zod'

/**
 * One assertion from a promptfoo test file, as far as Eval Lab reads it. Keys we do not model are
 * kept (passthrough) so the dispatcher can refuse the ones that would change the result (`transform`,
 * `contextTransform`) instead of dropping them silently.
 * Field meanings follow promptfoo's `Assertion` type (promptfoo/promptfoo src/types/index.ts).
 */
export const promptfooAssertionSchema = z
  .object({
    type: z.string().min(1, 'an assertion needs a type'),
    value: z.unknown().optional(),
    threshold: z.number().finite().optional(),
    weight: z.number().finite().min(0, 'weight must be 0 or more').optional(),
    metric: z.string().optional(),
    normalizeUnicode: z.union([z.boolean(), z.enum(['NFC', 'NFD', 'NFKC', 'NFKD'])]).optional(),
  })
  .passthrough()

export type PromptfooAssertion = z.output<typeof promptfooAssertionSchema>

/**
 * What checking one assertion against one output gave.
 * - `scored`: promptfoo's own pass/score/reason for these inputs.
 * - `unsupported`: Eval Lab cannot reproduce promptfoo here (type, option or value form); never a pass.
 * - `error`: promptfoo itself would stop with an error (bad value, invalid input); never a pass.
 */
export type PromptfooAssertionResult = {
  status: 'scored' | 'unsupported' | 'error'
  type: string
  pass: boolean
  score: number
  reason: string
}

export function scored(type: string, pass: boolean, score: number, reason: string): PromptfooAssertionResult {
  return { status: 'scored', type, pass, score, reason }
}

export function binary(type: string, pass: boolean, failReason: string): PromptfooAssertionResult {
  return scored(type, pass, pass ? 1 : 0, pass ? 'Assertion passed' : failReason)
}

export function unsupported(type: string, reason: string): PromptfooAssertionResult {
  return { status: 'unsupported', type, pass: false, score: 0, reason }
}

export function errored(type: string, reason: string): PromptfooAssertionResult {
  return { status: 'error', type, pass: false, score: 0, reason }
}

/** Thrown by a handler where promptfoo's `invariant` would throw; the dispatcher turns it into `error`. */
export class AssertionValueError extends Error {}

export function requireValue(condition: boolean, message: string): asserts condition {
  if (!condition) throw new AssertionValueError(message)
}

/** Everything a handler needs: the assertion, its value, the output text and whether it is a `not-` form. */
export type AssertionInput = {
  assertion: PromptfooAssertion
  type: string
  value: unknown
  output: string
  inverse: boolean
}
