import type { PairwiseOrder } from '../../../../../shared/domain/pairwise'
import type { Rubric, RubricCriterion } from '../../../../../shared/domain/scoring'
import type { PairwiseJudgmentRow } from '../../db/repos/pairwise'
import { costOf } from '../../llm/cost'
import type { ChatRequest } from '../../llm/providers/types'
import { callWithRetry, type CallOutcome } from '../../llm/retry'
import type { JudgeEnv } from '../judge/call'
import { parsePairwiseAnswer, verdictOf } from './answer'
import { pairwiseMessages, type PairwiseSide } from './prompt'
import type { SharedCase } from './shared-cases'

/** One judge call to make: a case shown in one order. */
export interface PairwiseTask {
  comparisonId: string
  rubric: Rubric
  criterion: RubricCriterion
  judge: { provider: string; model: string }
  shared: SharedCase
  order: PairwiseOrder
}

const sideOf = (o: SharedCase['a']): PairwiseSide => ({ text: o.text ?? '', toolCalls: o.toolCalls })

function requestOf(task: PairwiseTask, env: JudgeEnv): ChatRequest {
  const { shared, order } = task
  const [first, second] = order === 'ab' ? [shared.a, shared.b] : [shared.b, shared.a]
  return {
    messages: pairwiseMessages({
      rubric: task.rubric,
      criterion: task.criterion,
      vars: shared.case.vars,
      ...(shared.case.conversation ? { conversation: shared.case.conversation } : {}),
      expected: shared.case.expected,
      first: sideOf(first),
      second: sideOf(second),
    }),
    model: task.judge,
    // Deterministic, and JSON: the verdict is parsed, never free text.
    params: { temperature: 0, maxTokens: 400, responseFormat: { type: 'json_object' } },
    // Ties the call to one case and order in provider logs (and the mock server's scripts).
    caseKey: `pairwise/${task.comparisonId}/${shared.case.key}/${order}`,
    limits: env.limits,
    ...(env.timeoutMs !== undefined ? { timeoutMs: env.timeoutMs } : {}),
    ...(env.signal ? { signal: env.signal } : {}),
  }
}

function verdictPart(outcome: CallOutcome, order: PairwiseOrder) {
  if (!outcome.ok)
    return { verdict: null, reason: '', error: `The judge call failed: ${outcome.error.message}` }
  const answer = parsePairwiseAnswer(outcome.response.text)
  if (!answer.ok) return { verdict: null, reason: '', error: answer.error }
  return { verdict: verdictOf(order, answer.winner), reason: answer.reason, error: null }
}

/** Asks the judge once (with the app's retry loop and the provider's lane) and records what happened. */
export async function judgeOnce(task: PairwiseTask, env: JudgeEnv): Promise<PairwiseJudgmentRow> {
  const request = requestOf(task, env)
  const outcome = await callWithRetry(env.provider, request, env.policy, {}, { slots: env.slots })
  const answer = outcome.ok ? outcome.response : null
  return {
    comparisonId: task.comparisonId,
    caseId: task.shared.case.id,
    order: task.order,
    ...verdictPart(outcome, task.order),
    request: { messages: request.messages, params: request.params },
    responseText: answer?.text ?? null,
    inputTokens: answer?.usage.inputTokens ?? null,
    outputTokens: answer?.usage.outputTokens ?? null,
    costUsd: answer ? costOf(env.price, answer.usage) : null,
    totalMs: answer?.totalMs ?? null,
    attempts: outcome.attempts.length,
    createdAt: env.nowIso(),
  }
}
