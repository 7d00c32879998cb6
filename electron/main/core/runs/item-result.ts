import type { ToolStep } from '../../../../shared/domain/conversation'
import type { ModelPrice, RunResult } from '../../../../shared/domain/runs'
import { costOf } from '../llm/cost'
import type { ChatResponse } from '../llm/providers/types'
import type { AttemptRecord, CallError, CallOutcome } from '../llm/retry'
import type { CachedResponse } from './cache'
import type { StoredStep } from '../db/repos/run-item-steps'
import { callsOf, stepTotals } from './tool-loop'

/** What a result row is before its answer: its identity, the request as rendered, when it was made. */
export type ResultBase = Omit<
  RunResult,
  | 'responseText'
  | 'finishReason'
  | 'inputTokens'
  | 'outputTokens'
  | 'cachedTokens'
  | 'costUsd'
  | 'ttftMs'
  | 'totalMs'
  | 'attempts'
  | 'attemptLog'
  | 'errorKind'
  | 'errorMessage'
  | 'cached'
>

export function toResult(base: ResultBase, outcome: CallOutcome, price: ModelPrice | undefined): RunResult {
  const attempts = { attempts: outcome.attempts.length, attemptLog: outcome.attempts, cached: false }
  if (outcome.ok) return { ...base, ...answered(outcome.response, price), ...attempts }
  return { ...base, ...noAnswer, ...attempts, ...failed(outcome.error) }
}

const noAnswer = {
  responseText: null,
  finishReason: null,
  inputTokens: null,
  outputTokens: null,
  cachedTokens: null,
  costUsd: null,
  ttftMs: null,
  totalMs: null,
}

const failed = (error: CallError) => ({ errorKind: error.kind, errorMessage: error.message })

/** An answer is its text and its tool calls: an answer made only of tool calls has text '' and is no error. */
function answered(response: ChatResponse, price: ModelPrice | undefined) {
  return {
    responseText: response.text,
    toolCalls: response.toolCalls,
    finishReason: response.finishReason,
    inputTokens: response.usage.inputTokens,
    outputTokens: response.usage.outputTokens,
    cachedTokens: response.usage.cachedTokens,
    costUsd: costOf(price, response.usage),
    ttftMs: response.ttftMs,
    totalMs: response.totalMs,
    errorKind: null,
    errorMessage: null,
  }
}

/** A cache hit costs nothing and took no call: tokens are the original answer's, for reference. */
export function fromCache(base: ResultBase, hit: CachedResponse): RunResult {
  return {
    ...base,
    responseText: hit.text,
    toolCalls: hit.toolCalls,
    finishReason: hit.finishReason,
    inputTokens: hit.usage.inputTokens,
    outputTokens: hit.usage.outputTokens,
    cachedTokens: hit.usage.cachedTokens,
    costUsd: 0,
    ttftMs: null,
    totalMs: 0,
    attempts: 0,
    attemptLog: [],
    errorKind: null,
    errorMessage: null,
    cached: true,
  }
}

/** One step of a loop from the provider's answer (toolResults are filled in once the runner decides them). */
export function stepFromResponse(
  index: number,
  messages: ToolStep['messages'],
  response: ChatResponse,
  price: ModelPrice | undefined,
): ToolStep {
  return {
    step: index,
    messages,
    text: response.text,
    toolCalls: response.toolCalls,
    toolResults: [],
    finishReason: response.finishReason,
    inputTokens: response.usage.inputTokens,
    outputTokens: response.usage.outputTokens,
    cachedTokens: response.usage.cachedTokens,
    costUsd: costOf(price, response.usage),
    ttftMs: response.ttftMs,
    totalMs: response.totalMs,
  }
}

/** One step of a loop answered from the response cache: no call, no cost, the original tokens. */
export function stepFromCache(index: number, messages: ToolStep['messages'], hit: CachedResponse): ToolStep {
  return {
    step: index,
    messages,
    text: hit.text,
    toolCalls: hit.toolCalls,
    toolResults: [],
    finishReason: hit.finishReason,
    inputTokens: hit.usage.inputTokens,
    outputTokens: hit.usage.outputTokens,
    cachedTokens: hit.usage.cachedTokens,
    costUsd: 0,
    ttftMs: null,
    totalMs: 0,
  }
}

/**
 * The row of a finished loop: the last step's text is the answer, every step's tool calls in order, tokens,
 * cost and latency summed over the steps, the time to first token of the first step. `finishReason` is the
 * last step's unless the runner ended the loop (a missing canned result, the step limit).
 */
export function loopResult(
  base: ResultBase,
  stored: readonly StoredStep[],
  finishReason: string | null,
): RunResult {
  const steps = stored.map((s) => s.step)
  const last = steps.at(-1)
  return {
    ...base,
    ...stepTotals(steps),
    ...loopAttempts(stored, []),
    responseText: last?.text ?? null,
    toolCalls: callsOf(steps),
    finishReason: finishReason ?? last?.finishReason ?? null,
    ttftMs: steps[0]?.ttftMs ?? null,
    errorKind: null,
    errorMessage: null,
    cached: stored.length > 0 && stored.every((s) => s.cached),
    steps,
  }
}

/**
 * A loop whose next call failed for good: the steps that answered are kept (with their calls and what they
 * cost), the row records the error and has no answer text.
 */
export function loopFailure(
  base: ResultBase,
  stored: readonly StoredStep[],
  error: CallError,
  lastAttempts: readonly AttemptRecord[],
): RunResult {
  const steps = stored.map((s) => s.step)
  return {
    ...base,
    ...stepTotals(steps),
    ...loopAttempts(stored, lastAttempts),
    responseText: null,
    toolCalls: callsOf(steps),
    finishReason: null,
    ttftMs: steps[0]?.ttftMs ?? null,
    ...failed(error),
    cached: false,
    steps,
  }
}

function loopAttempts(stored: readonly StoredStep[], extra: readonly AttemptRecord[]) {
  const attemptLog = [...stored.flatMap((s) => s.attempts), ...extra]
  return { attempts: attemptLog.length, attemptLog }
}
