import type { ToolCall } from '../../../../../shared/domain/conversation'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { ModelParams } from '../../../../../shared/domain/prompts'

/** What tool rules and the version-schema check read of the result's prompt version. */
export type VersionParams = Pick<ModelParams, 'tools' | 'responseFormat'>

/** What a deterministic scorer sees: one stored output (or why there is none) and its case. */
export interface ScorerInput {
  /** The model's answer text; null when the call failed. */
  output: string | null
  /** Why the call failed, when it did. */
  failure: string | null
  case: Pick<DatasetCase, 'expected'>
  /** The answer's tool calls in order (all steps of a tool loop); none when omitted. */
  toolCalls?: readonly ToolCall[]
  /** The result's prompt version params; tool and version-schema checks cannot score without them. */
  version?: VersionParams | null
}

/** A score before it is tied to a result row: value on 0..1, raw on the scorer's own scale. */
export interface ScoreOutcome {
  value: number | null
  raw: number | null
  passed: boolean | null
  reason: string
  details?: Record<string, unknown>
}

export type DeterministicScorer = (input: ScorerInput) => ScoreOutcome

export const passed = (reason: string, details?: Record<string, unknown>): ScoreOutcome => ({
  value: 1,
  raw: 1,
  passed: true,
  reason,
  ...(details ? { details } : {}),
})

export const failed = (reason: string, details?: Record<string, unknown>): ScoreOutcome => ({
  value: 0,
  raw: 0,
  passed: false,
  reason,
  ...(details ? { details } : {}),
})

/** The scorer could not score this output (e.g. the case has no expected value): left out of the metric. */
export const unscored = (reason: string): ScoreOutcome => ({ value: null, raw: null, passed: null, reason })

/**
 * A failed call is a failed interaction: the user got no usable answer, so format and rule checks count it
 * as a fail rather than leaving it out (leaving it out would make a flaky model look better).
 */
export const failedCall = (failure: string): ScoreOutcome => failed(`The call failed: ${failure}`)
