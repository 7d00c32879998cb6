import type { ChatMessage } from '../../../../../shared/domain/conversation'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { ModelParams, ModelRef } from '../../../../../shared/domain/prompts'
import type { ResultKey } from '../../../../../shared/lib/model-identity'
import type { CodeSandbox } from '../code'
import type { ScoreOutcome, ScorerInput } from './types'

/**
 * What a scorer that may wait (a code scorer in the sandbox, a promptfoo assertion list with llm-rubric)
 * sees: everything a deterministic scorer sees, the whole case, and the result's own facts (cost and
 * latency assertions read them).
 */
export interface AsyncScorerInput extends Omit<ScorerInput, 'case'> {
  case: Pick<DatasetCase, 'key' | 'vars' | 'expected' | 'tags' | 'conversation'> &
    Partial<Pick<DatasetCase, 'expectedOutput'>>
  result: ResultKey & {
    costUsd: number | null
    /** The call's wall time; null when it failed or came from the cache. */
    latencyMs: number | null
    cached: boolean
  }
}

/** One model call a scorer asks for (llm-rubric's grader): sent through the judge lane of the gateway. */
export interface GradeRequest {
  model: ModelRef
  messages: ChatMessage[]
  params?: ModelParams
}

export type GradeAnswer = { ok: true; text: string } | { ok: false; error: string }

/** What the scoring pass lends a scorer for one result; the pass records each grade call in score_calls. */
export interface ScoringServices {
  /** One sandbox per scoring pass: a code scorer never sees another result's state. */
  sandbox: CodeSandbox
  grade(request: GradeRequest): Promise<GradeAnswer>
}

export type AsyncScorer = (input: AsyncScorerInput, services: ScoringServices) => Promise<ScoreOutcome>
