import type { ModelPrice, RunResult } from '../../../../../shared/domain/runs'
import { batchCostOf } from '../../llm/cost'
import type { ChatResponse, ProviderErrorKind } from '../../llm/providers/types'
import type { AttemptRecord } from '../../llm/retry'
import type { ResultBase } from '../item-result'

/** The job an item came back in: its attempt log entry says "batch" and which job. */
export interface BatchAttempt {
  /** How many batch jobs the item has been in (1 for a first submission). */
  attempt: number
  remoteId: string | null
  submittedAt: string | null
  endedAt: string | null
}

function attemptLog(at: BatchAttempt, outcome: AttemptRecord['outcome'], message: string): AttemptRecord[] {
  const startedAt = at.submittedAt ? Date.parse(at.submittedAt) : 0
  const endedAt = at.endedAt ? Date.parse(at.endedAt) : startedAt
  return [{ attempt: at.attempt, startedAt, endedAt, outcome, message }]
}

const jobName = (at: BatchAttempt): string => (at.remoteId ? `batch job ${at.remoteId}` : 'batch job')

/**
 * An answer from a batch: priced at the run's frozen batch price (unknown when the run has none, never the
 * streamed price), without a latency of its own (the job took hours, not the call).
 */
export function batchAnswer(
  base: ResultBase,
  response: ChatResponse,
  price: ModelPrice | undefined,
  at: BatchAttempt,
): RunResult {
  return {
    ...base,
    responseText: response.text,
    toolCalls: response.toolCalls,
    finishReason: response.finishReason,
    inputTokens: response.usage.inputTokens,
    outputTokens: response.usage.outputTokens,
    cachedTokens: response.usage.cachedTokens,
    costUsd: batchCostOf(price, response.usage),
    ttftMs: null,
    totalMs: null,
    attempts: at.attempt,
    attemptLog: attemptLog(at, 'ok', `batch: answered in ${jobName(at)}`),
    errorKind: null,
    errorMessage: null,
    cached: false,
    batch: true,
  }
}

/** An item the batch could not answer for good: recorded as an error saying what happened. */
export function batchError(
  base: ResultBase,
  kind: ProviderErrorKind,
  message: string,
  at: BatchAttempt,
): RunResult {
  return {
    ...base,
    responseText: null,
    finishReason: null,
    inputTokens: null,
    outputTokens: null,
    cachedTokens: null,
    costUsd: null,
    ttftMs: null,
    totalMs: null,
    attempts: at.attempt,
    attemptLog: attemptLog(at, kind, `batch: ${message}`),
    errorKind: kind,
    errorMessage: message,
    cached: false,
    batch: true,
  }
}
