import { createCodeSandbox } from '../../../../../electron/main/core/scoring/code'
import type {
  AsyncScorerInput,
  GradeAnswer,
  GradeRequest,
  ScoringServices,
} from '../../../../../electron/main/core/scoring/scorers/async-types'

/** A stored answer of an order-status assistant, with the case's vars and its promptfoo assertions. */
export function orderCase(
  output: string | null,
  assertions: unknown[],
  extra: { threshold?: unknown; costUsd?: number | null; latencyMs?: number | null; cached?: boolean } = {},
): AsyncScorerInput {
  return {
    output,
    failure: output === null ? 'HTTP 503 from acme-gateway' : null,
    case: {
      key: 'order-4471',
      vars: { order_id: '4471', customer: 'Ingrid Bjørnstad' },
      expected: {
        assertions,
        ...(extra.threshold === undefined ? {} : { assertions_threshold: extra.threshold }),
      },
      tags: ['orders'],
    },
    result: {
      caseId: 'case-4471',
      promptVersionId: 'pv-order-status-3',
      provider: 'acme-gateway',
      modelId: 'acme-chat-large',
      repeat: 0,
      costUsd: extra.costUsd === undefined ? 0.0021 : extra.costUsd,
      latencyMs: extra.latencyMs === undefined ? 840 : extra.latencyMs,
      cached: extra.cached ?? false,
    },
  }
}

export interface GradeLog {
  requests: GradeRequest[]
}

/** Services with a real sandbox; grading answers with `answer` (or fails) and logs every request. */
export function services(
  answer: (request: GradeRequest) => Promise<GradeAnswer> = () =>
    Promise.resolve({ ok: false, error: 'no grader in this test' }),
): ScoringServices & GradeLog {
  const requests: GradeRequest[] = []
  return {
    sandbox: createCodeSandbox(),
    requests,
    grade(request) {
      requests.push(request)
      return answer(request)
    },
  }
}
