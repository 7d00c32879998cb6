import type { z } from 'zod'
import type { codeScorerConfigSchema } from '../../../../../shared/domain/scoring'
import {
  inputJson,
  sandboxLimitsSchema,
  toScoreOutcome,
  type CodeScorerInput,
  type CodeScoreOutcome,
  type SandboxLimits,
} from '../code'
import { badInput } from '../code/errors'
import type { AsyncScorer, AsyncScorerInput } from './async-types'

export type CodeScorerConfig = z.output<typeof codeScorerConfigSchema>

/** The scorer's own limits, in the sandbox's units. */
export function codeLimits(config: Pick<CodeScorerConfig, 'timeLimitMs' | 'memoryLimitMb'>): SandboxLimits {
  return sandboxLimitsSchema.parse({
    timeMs: config.timeLimitMs,
    memoryBytes: config.memoryLimitMb * 1024 * 1024,
  })
}

/**
 * `(output, { vars, expected, toolCalls, metadata })` for one stored result. Everything in it is stored
 * (no clock, nothing live), so the same result gives the same input on every re-score.
 */
export function codeScorerInput(input: AsyncScorerInput): CodeScorerInput {
  const { case: c, result } = input
  return {
    output: input.output,
    context: {
      vars: c.vars,
      expected: c.expected,
      toolCalls: [...(input.toolCalls ?? [])],
      metadata: {
        caseKey: c.key,
        tags: c.tags,
        expectedOutput: c.expectedOutput ?? null,
        provider: result.provider,
        model: result.modelId,
        promptVersionId: result.promptVersionId,
        repeat: result.repeat,
        costUsd: result.costUsd,
        latencyMs: result.latencyMs,
        cached: result.cached,
        error: input.failure,
      },
    },
  }
}

/**
 * A user's JavaScript scorer, run in the pass's sandbox with its own limits. A scorer that throws, loops,
 * runs out of memory or returns a bad shape gives that result a scoring error (value null, the message as
 * reason, `details.codeError` its kind); the pass goes on with the next result.
 */
export function codeScorer(config: CodeScorerConfig): AsyncScorer {
  const limits = codeLimits(config)
  return async (input, services) => {
    const json = jsonOf(input)
    const outcome: CodeScoreOutcome =
      typeof json === 'string' ? await services.sandbox.runJson(config.source, json, limits) : json
    return toScoreOutcome(outcome)
  }
}

/**
 * The input's JSON, made once per result however many code scorers read it (the pass hands each scorer
 * of a result the same input object).
 */
const jsonByInput = new WeakMap<AsyncScorerInput, string | CodeScoreOutcome>()
function jsonOf(input: AsyncScorerInput): string | CodeScoreOutcome {
  let json = jsonByInput.get(input)
  if (json === undefined) {
    try {
      json = inputJson(codeScorerInput(input))
    } catch (error) {
      json = badInput(error)
    }
    jsonByInput.set(input, json)
  }
  return json
}
