import type { ConversationTurn, ToolCall } from '../../../../../shared/domain/conversation'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import type { ModelPrice } from '../../../../../shared/domain/runs'
import type { Rubric, RubricCriterion } from '../../../../../shared/domain/scoring'
import type { ResultKey } from '../../../../../shared/lib/model-identity'
import type { ScoreCall } from '../../db/repos/score-calls'
import { costOf } from '../../llm/cost'
import type { SlotSource } from '../../llm/limits'
import type { CallLimits, ChatRequest, Provider } from '../../llm/providers/types'
import { callWithRetry, type CallOutcome, type RetryPolicy } from '../../llm/retry'
import type { ScoreOutcome } from '../scorers/types'
import { combineSamples, parseJudgeAnswer, type SampleOutcome } from './answer'
import { judgeMessages } from './prompt'

/** Where and how judge calls go: one provider per judge model, with the app's retry loop and limits. */
export interface JudgeEnv {
  provider: Provider
  price: ModelPrice | undefined
  policy: Partial<RetryPolicy>
  /** An explicit whole-call limit (tests); otherwise `limits` decide. */
  timeoutMs?: number
  /** The judge provider's request and idle limits. */
  limits: CallLimits
  signal?: AbortSignal
  nowIso: () => string
  /** The judge provider's slots: each attempt takes one, a retry waiting for its retry-after holds none. */
  slots: SlotSource
}

/** One output to judge on one criterion. */
export interface JudgeTask {
  runId: string
  key: ResultKey
  metric: string
  scorerHash: string
  model: { provider: string; model: string }
  samples: number
  rubric: Rubric
  criterion: RubricCriterion
  vars: Record<string, string>
  conversation?: readonly ConversationTurn[]
  expected: Record<string, unknown>
  output: string
  toolCalls?: readonly ToolCall[]
}

export interface JudgedOutput {
  outcome: ScoreOutcome
  calls: ScoreCall[]
}

/** Deterministic for a single sample; several samples of a noisy judge need some temperature to differ. */
const judgeParams = (samples: number): ModelParams => ({
  temperature: samples > 1 ? 0.7 : 0,
  maxTokens: 400,
  responseFormat: { type: 'json_object' },
})

/** The score_calls row of one judge or grader call, tied to the scored output it was made for. */
export function scoreCallRecord(
  owner: Pick<JudgeTask, 'runId' | 'key' | 'metric' | 'scorerHash'>,
  sample: number,
  request: ChatRequest,
  outcome: CallOutcome,
  env: Pick<JudgeEnv, 'price' | 'nowIso'>,
): ScoreCall {
  const answer = outcome.ok ? outcome.response : null
  return {
    runId: owner.runId,
    ...owner.key,
    metric: owner.metric,
    scorerHash: owner.scorerHash,
    sample,
    judgeProvider: request.model.provider,
    judgeModel: request.model.model,
    request: { messages: request.messages, params: request.params },
    responseText: answer?.text ?? null,
    inputTokens: answer?.usage.inputTokens ?? null,
    outputTokens: answer?.usage.outputTokens ?? null,
    costUsd: answer ? costOf(env.price, answer.usage) : null,
    totalMs: answer?.totalMs ?? null,
    attempts: outcome.attempts.length,
    errorMessage: outcome.ok ? null : outcome.error.message,
    createdAt: env.nowIso(),
  }
}

async function sampleOnce(
  task: JudgeTask,
  sample: number,
  env: JudgeEnv,
): Promise<{ call: ScoreCall; sample: SampleOutcome }> {
  const { key } = task
  const request: ChatRequest = {
    messages: judgeMessages(task),
    model: task.model,
    params: judgeParams(task.samples),
    // Ties the call to one judged output in provider logs (and the mock server's scripts).
    caseKey: `${task.runId}/judge/${task.metric}/${key.caseId}/${key.promptVersionId}/${key.provider}/${key.modelId}/${key.repeat}/${sample}`,
    limits: env.limits,
    ...(env.timeoutMs !== undefined ? { timeoutMs: env.timeoutMs } : {}),
    ...(env.signal ? { signal: env.signal } : {}),
  }
  const outcome = await callWithRetry(env.provider, request, env.policy, {}, { slots: env.slots })
  const call = scoreCallRecord(task, sample, request, outcome, env)
  if (!outcome.ok)
    return { call, sample: { ok: false, error: `the judge call failed: ${outcome.error.message}` } }
  const parsed = parseJudgeAnswer(outcome.response.text, task.criterion.scale)
  if (!parsed.ok) call.errorMessage = parsed.error
  return { call, sample: parsed }
}

/** Asks the judge `samples` times (side by side, within the limits) and combines the answers. */
export async function judgeOutput(task: JudgeTask, env: JudgeEnv): Promise<JudgedOutput> {
  const runs = await Promise.all(Array.from({ length: task.samples }, (_, i) => sampleOnce(task, i, env)))
  return {
    outcome: combineSamples(
      task.criterion.scale,
      runs.map((r) => r.sample),
    ),
    calls: runs.map((r) => r.call),
  }
}
