import type { ModelRef } from '../../../../shared/domain/prompts'
import { modelKey } from '../../../../shared/lib/model-ref'
import type { ResultKey } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../context'
import type { ScoreCall } from '../db/repos/score-calls'
import type { ChatRequest } from '../llm/providers/types'
import { callWithRetry } from '../llm/retry'
import type { ScoringDeps } from './deps'
import { scoreCallRecord, type JudgeEnv } from './judge/call'
import { judgeSetups, type JudgeSetup } from './judge/env'
import type { GradeAnswer, GradeRequest } from './scorers/async-types'

/** Deterministic grading unless the scorer asks otherwise (llm-rubric sends its own params). */
const defaultGradeParams = { temperature: 0, maxTokens: 600 }

/** Which score a grade call belongs to: recorded with it in score_calls, like a judge sample. */
export interface GradeOwner {
  runId: string
  key: ResultKey
  metric: string
  scorerHash: string
}

/**
 * Model calls that scorers ask for (llm-rubric's grader), through the judge lane of the gateway: the same
 * settings, keys, limits and retry policy as judges. Each model is set up once per pass.
 */
export function createGrader(ctx: CoreContext, deps: ScoringDeps) {
  const setups = new Map<string, Promise<JudgeSetup>>()
  const setupOf = (model: ModelRef): Promise<JudgeSetup> => {
    const key = modelKey(model)
    let setup = setups.get(key)
    if (!setup) {
      setup = judgeSetups(ctx, [model], deps).then(
        (found) => found.get(key) ?? { ok: false, error: `Unknown provider "${model.provider}"` },
      )
      setups.set(key, setup)
    }
    return setup
  }
  /** Sends one grade request; the call (failed ones too) is pushed onto `calls` for the score's write. */
  return async (owner: GradeOwner, request: GradeRequest, calls: ScoreCall[]): Promise<GradeAnswer> => {
    const setup = await setupOf(request.model)
    if (!setup.ok) return { ok: false, error: `The grader cannot be called: ${setup.error}` }
    const sample = calls.length
    const chat = chatRequest(owner, request, sample, setup.env)
    const outcome = await callWithRetry(
      setup.env.provider,
      chat,
      setup.env.policy,
      {},
      { slots: setup.env.slots },
    )
    calls.push(scoreCallRecord(owner, sample, chat, outcome, setup.env))
    return outcome.ok
      ? { ok: true, text: outcome.response.text }
      : { ok: false, error: `The grader call failed: ${outcome.error.message}` }
  }
}

export type Grader = ReturnType<typeof createGrader>

function chatRequest(owner: GradeOwner, request: GradeRequest, sample: number, env: JudgeEnv): ChatRequest {
  const { key } = owner
  return {
    messages: request.messages,
    model: request.model,
    params: request.params ?? defaultGradeParams,
    // Ties the call to one scored output in provider logs (and the mock server's scripts).
    caseKey: `${owner.runId}/grade/${owner.metric}/${key.caseId}/${key.promptVersionId}/${key.provider}/${key.modelId}/${key.repeat}/${sample}`,
    limits: env.limits,
    ...(env.timeoutMs !== undefined ? { timeoutMs: env.timeoutMs } : {}),
    ...(env.signal ? { signal: env.signal } : {}),
  }
}
