import type { PromptfooAssertionResult } from './promptfoo-schema'

/**
 * One test's verdict from its assertions, as promptfoo's AssertionsResult computes it
 * (promptfoo/promptfoo src/assertions/assertionsResult.ts, `addResult` and `testResult`):
 * - score = Σ(score × weight) / Σ(weight), weight defaulting to 1; 0 when the weights sum to 0;
 * - without a numeric test `threshold`, the test passes only if every assertion passed (an assertion
 *   with weight 0 already passes, see checkPromptfooAssertion);
 * - with a numeric `threshold` (0 included), pass = score ≥ threshold, whatever single assertions did.
 * If any assertion is `unsupported` or `error`, the test cannot be decided the way promptfoo would, so
 * the verdict carries that status and never passes. Assertion sets, metric-only assertions and
 * custom scoring functions are not modelled.
 */
export type WeightedAssertion = { result: PromptfooAssertionResult; weight?: number | undefined }

export type PromptfooTestVerdict = {
  status: 'scored' | 'unsupported' | 'error'
  pass: boolean
  score: number
  reason: string
}

export function scorePromptfooTest(
  assertions: readonly WeightedAssertion[],
  threshold?: number,
): PromptfooTestVerdict {
  if (assertions.length === 0) return { status: 'scored', pass: true, score: 1, reason: 'No assertions' }
  const undecided = undecidedVerdict(assertions)
  if (undecided) return undecided
  let totalScore = 0
  let totalWeight = 0
  let failedReason: string | undefined
  for (const { result, weight = 1 } of assertions) {
    totalScore += result.score * weight
    totalWeight += weight
    if (!result.pass) failedReason = result.reason
  }
  const score = totalWeight > 0 ? totalScore / totalWeight : 0
  if (typeof threshold === 'number' && !Number.isNaN(threshold)) {
    const pass = score >= threshold
    return {
      status: 'scored',
      pass,
      score,
      reason: `Aggregate score ${score.toFixed(2)} ${pass ? '≥' : '<'} ${threshold} threshold`,
    }
  }
  return { status: 'scored', pass: !failedReason, score, reason: failedReason ?? 'All assertions passed' }
}

function undecidedVerdict(assertions: readonly WeightedAssertion[]): PromptfooTestVerdict | undefined {
  const blocking = assertions.filter(({ result }) => result.status !== 'scored')
  if (blocking.length === 0) return undefined
  const status = blocking.some(({ result }) => result.status === 'error') ? 'error' : 'unsupported'
  const listed = blocking.map(({ result }) => `${result.type}: ${result.reason}`).join('; ')
  return { status, pass: false, score: 0, reason: `Cannot score as promptfoo would — ${listed}` }
}
