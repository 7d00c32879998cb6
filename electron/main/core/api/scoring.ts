import { AppError } from '../../../../shared/contract'
import type { Score } from '../../../../shared/domain/scoring'
import type { Handlers } from '../dispatch'
import type { StoredScore } from '../db/repos/run-scores'
import { scoreRun, summarizeRun, type ScoringDeps } from '../scoring'
import { suiteMetrics } from '../scoring/metrics'
import { latestSuite } from '../scoring/suites'
import type { CoreContext } from '../context'

type ScoringHandlers = Pick<Handlers, 'runs.score' | 'runs.summary' | 'runs.scores'>

const toScore = (s: StoredScore): Score & { details: Record<string, unknown> } => ({
  caseId: s.caseId,
  promptVersionId: s.promptVersionId,
  provider: s.provider,
  modelId: s.modelId,
  repeat: s.repeat,
  metric: s.metric,
  value: s.value,
  raw: s.raw,
  passed: s.passed,
  reason: s.reason,
  source: s.source,
  details: s.details,
})

/** Fingerprints of the current suites of the run's prompts: listings show what summaries count. */
function currentHashes(ctx: CoreContext, versionIds: readonly string[]): string[] {
  const promptIds = new Set(versionIds.flatMap((id) => ctx.repos.prompts.versionById(id)?.promptId ?? []))
  return [...promptIds].flatMap((p) => suiteMetrics(ctx.repos, latestSuite(ctx, p)).map((m) => m.hash))
}

/** Scoring a run's stored outputs (never the model again), its summary, and its scores page by page. */
export function scoringHandlers(ctx: CoreContext, deps: ScoringDeps): ScoringHandlers {
  return {
    'runs.score': ({ runId }) => scoreRun(ctx, runId, deps),

    'runs.summary': ({ runId }) => summarizeRun(ctx, runId),

    'runs.scores': ({ runId, offset, limit, ...filter }) => {
      const run = ctx.repos.runs.get(runId)
      if (!run) throw new AppError('NOT_FOUND', `No run with id ${runId}`)
      const query = { ...filter, scorerHashes: currentHashes(ctx, run.plan.promptVersionIds) }
      return {
        total: ctx.repos.runScores.count(runId, query),
        scores: ctx.repos.runScores.page(runId, query, offset, limit).map(toScore),
      }
    },
  }
}
