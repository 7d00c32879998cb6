import type { PromptfooAssertion, PromptfooAssertionResult } from '../checks'

/**
 * promptfoo's `cost`, `latency` (src/assertions/cost.ts, latency.ts) and `ends-with` (endsWith.ts), read from
 * the stored result. Where promptfoo throws (no cost from the provider, a cached result without latency, no
 * threshold and no metric) the assertion is an `error`: the test cannot be decided, as in promptfoo.
 */

type Fact = 'cost' | 'latency'

const scored = (type: string, pass: boolean, score: number, reason: string): PromptfooAssertionResult => ({
  status: 'scored',
  type,
  pass,
  score,
  reason,
})

const errored = (type: string, reason: string): PromptfooAssertionResult => ({
  status: 'error',
  type,
  pass: false,
  score: 0,
  reason,
})

const missing: Record<Fact, string> = {
  cost: 'Cost assertion does not support providers that do not return cost (no cost is stored for this result)',
  latency: 'Latency assertion does not support cached results (this result has no measured latency)',
}

function describeFact(fact: Fact, amount: number): string {
  return fact === 'cost' ? `Cost ${amount.toPrecision(2)}` : `Latency ${amount}ms`
}

export function checkFactThreshold(
  fact: Fact,
  assertion: PromptfooAssertion,
  amount: number | null,
  inverse: boolean,
): PromptfooAssertionResult {
  const { type, threshold } = assertion
  if (amount === null) return errored(type, missing[fact])
  const label = fact === 'cost' ? 'Cost' : 'Latency'
  if (threshold === undefined) {
    if (inverse) return errored(type, `${label} assertion requires a threshold when using not-${fact}`)
    if (!assertion.metric)
      return errored(
        type,
        `${label} assertion without a threshold must set \`metric\` to record as a named metric`,
      )
    return scored(type, true, amount, 'Assertion passed')
  }
  const pass = inverse ? amount > threshold : amount <= threshold
  const unit = fact === 'latency' ? 'ms' : ''
  const reason = pass
    ? 'Assertion passed'
    : `${describeFact(fact, amount)} is ${inverse ? 'less than or equal to' : 'greater than'} threshold ${threshold}${unit}`
  return scored(type, pass, pass ? 1 : 0, reason)
}

export function checkEndsWith(
  assertion: PromptfooAssertion,
  output: string,
  inverse: boolean,
): PromptfooAssertionResult {
  const { value, type } = assertion
  if (typeof value !== 'string' || value === '')
    return errored(type, '"ends-with" assertion type must have a string value')
  const pass = output.endsWith(value) !== inverse
  return scored(
    type,
    pass,
    pass ? 1 : 0,
    pass ? 'Assertion passed' : `Expected output to ${inverse ? 'not ' : ''}end with "${value}"`,
  )
}
