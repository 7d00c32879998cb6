import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { PlaygroundScore } from '../../../../shared/domain/playground'
import type { RunResult } from '../../../../shared/domain/runs'
import type { CoreContext } from '../context'
import { createWorkerSandbox, type CodeSandbox, type WorkerCodeSandbox } from '../scoring/code'
import { prepareSuite, type AsyncMetric, type DeterministicMetric } from '../scoring/prepare'
import type { AsyncScorerInput, ScoringServices } from '../scoring/scorers/async-types'
import type { ScoreOutcome } from '../scoring/scorers/types'
import { suiteForVersion } from '../scoring/suites'
import { scorerResultOf } from '../scoring/code/try'

/**
 * The prompt suite's fast scorers — format, rules and code — applied to one answer as soon as it ends. Judges
 * and assertion lists (which may call a grader) are left for a real run: the playground costs one call a cell.
 */
export interface FastScorer {
  score(c: DatasetCase, result: RunResult): Promise<PlaygroundScore[]>
  close(): Promise<void>
}

export function createFastScorer(ctx: CoreContext, versionId: string, sandbox?: CodeSandbox): FastScorer {
  const prepared = prepareSuite(ctx, suiteForVersion(ctx, versionId))
  const code = prepared.async.filter((m) => m.scorer.config.kind === 'code')
  let own: WorkerCodeSandbox | null = null
  const services = (): ScoringServices => ({
    sandbox: sandbox ?? (own ??= createWorkerSandbox()),
    grade: () =>
      Promise.resolve({ ok: false, error: 'The playground calls no graders: start a run to use one.' }),
  })
  return {
    async score(c, result) {
      const version = { tools: result.params.tools, responseFormat: result.params.responseFormat }
      const syncScores = prepared.deterministic.map((m) =>
        toScore(m, m.evaluate(syncInput(c, result, version))),
      )
      if (code.length === 0) return syncScores
      const lent = services()
      const input = asyncInput(c, result, version)
      const codeScores = await Promise.all(code.map(async (m) => toScore(m, await safely(m, input, lent))))
      return [...syncScores, ...codeScores]
    },
    close: async () => {
      await own?.close()
    },
  }
}

type Version = AsyncScorerInput['version']

function syncInput(c: DatasetCase, result: RunResult, version: Version) {
  return {
    output: result.responseText,
    failure: result.errorMessage,
    case: c,
    toolCalls: result.toolCalls,
    version,
  }
}

function asyncInput(c: DatasetCase, result: RunResult, version: Version): AsyncScorerInput {
  return {
    ...syncInput(c, result, version),
    case: c,
    result: scorerResultOf(result, result.errorKind !== null),
  }
}

/** A scorer that throws is our bug, not the answer's: it shows as unscored with the reason. */
async function safely(m: AsyncMetric, input: AsyncScorerInput, lent: ScoringServices): Promise<ScoreOutcome> {
  try {
    return await m.evaluate(input, lent)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { value: null, raw: null, passed: null, reason: `The scorer failed: ${message}` }
  }
}

function toScore(m: DeterministicMetric | AsyncMetric, outcome: ScoreOutcome): PlaygroundScore {
  return {
    metric: m.metric,
    kind: m.scorer.config.kind,
    value: outcome.value,
    passed: outcome.passed,
    reason: outcome.reason,
  }
}
