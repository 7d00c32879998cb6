import { unscored, type ScoreOutcome } from '../scorers/types'
import type { CodeScoreOutcome } from './result'

/**
 * The suite's score row for a code scorer's outcome. A scorer that failed (threw, ran out of time or
 * memory, returned a bad shape) is left out of the metric with its message, as a failed judge is, and
 * `details.codeError` names the kind so screens and the run summary can count scoring errors; an engine
 * failure is marked for retry like a failed judge call.
 */
export function toScoreOutcome(outcome: CodeScoreOutcome): ScoreOutcome {
  if (!outcome.ok) {
    // The engine itself failing is not the scorer's doing: the next scoring pass tries that result again.
    const retry = outcome.kind === 'engine' ? { retry: true } : {}
    return {
      ...unscored(`The code scorer failed: ${outcome.message}`),
      details: { codeError: outcome.kind, ...retry },
    }
  }
  return { value: outcome.score, raw: outcome.score, passed: outcome.passed, reason: outcome.reason }
}
