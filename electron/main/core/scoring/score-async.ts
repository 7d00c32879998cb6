import type { DatasetCase } from '../../../../shared/domain/datasets'
import { resultKey, type ResultKey } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../context'
import type { ResultFacts, ScoredOutput } from '../db/repos/run-scores'
import type { ScoreCall } from '../db/repos/score-calls'
import { createWorkerSandbox, type CodeSandbox, type WorkerCodeSandbox } from './code'
import type { ScoringDeps } from './deps'
import { createGrader, type Grader } from './grade'
import type { AsyncMetric } from './prepare'
import type { AsyncScorerInput, ScoringServices } from './scorers/async-types'
import { unscored, type ScoreOutcome, type VersionParams } from './scorers/types'

/** One result × code or assertions scorer still to score in this pass. */
export interface AsyncJob {
  output: ScoredOutput
  metric: AsyncMetric
  case: DatasetCase | undefined
  version: VersionParams | null
}

export interface AsyncScored {
  job: AsyncJob
  outcome: ScoreOutcome
  /** Grade calls the scorer made for this result (written with its score). */
  calls: ScoreCall[]
}

/** What the pass lends its async scorers: one sandbox for the whole pass, the grader, the results' facts. */
export interface AsyncServices {
  runId: string
  sandbox: CodeSandbox
  grade: Grader
  facts: (key: ResultKey) => ResultFacts | undefined
}

/**
 * The pass's services, made on first use (a pass with no code or assertion scorer starts no worker and reads
 * no facts); `close` ends the sandbox's worker when the pass made it.
 */
export function passServices(ctx: CoreContext, runId: string, deps: ScoringDeps) {
  let services: AsyncServices | null = null
  let own: WorkerCodeSandbox | null = null
  const sandbox = (): CodeSandbox => deps.sandbox ?? (own = createWorkerSandbox())
  return {
    get: (): AsyncServices =>
      (services ??= {
        runId,
        sandbox: sandbox(),
        grade: createGrader(ctx, deps),
        facts: lazyFacts(ctx, runId),
      }),
    close: async (): Promise<void> => {
      await own?.close()
    },
  }
}

/** The result's facts, read once per pass and only when a suite has a code or assertions scorer. */
export function lazyFacts(ctx: CoreContext, runId: string): (key: ResultKey) => ResultFacts | undefined {
  let byKey: Map<string, ResultFacts> | null = null
  return (key) => {
    byKey ??= new Map(ctx.repos.runScores.facts(runId).map((f) => [resultKey(f), f]))
    return byKey.get(resultKey(key))
  }
}

const keyOf = (o: ResultKey): ResultKey => ({
  caseId: o.caseId,
  promptVersionId: o.promptVersionId,
  provider: o.provider,
  modelId: o.modelId,
  repeat: o.repeat,
})

function scorerInput(job: AsyncJob, facts: ResultFacts | undefined): AsyncScorerInput {
  const { output } = job
  const c = job.case
  return {
    output: output.responseText,
    failure: output.errorMessage,
    toolCalls: output.toolCalls,
    version: job.version,
    case: {
      key: c?.key ?? output.caseId,
      vars: c?.vars ?? {},
      expected: c?.expected ?? {},
      tags: c?.tags ?? [],
      expectedOutput: c?.expectedOutput ?? null,
      ...(c?.conversation ? { conversation: c.conversation } : {}),
    },
    result: {
      ...keyOf(output),
      costUsd: facts?.costUsd ?? null,
      // A cached answer's time is the cache's, not the model's; a failed call has no answer time.
      latencyMs: facts && !facts.cached && !facts.failed ? facts.totalMs : null,
      cached: facts?.cached ?? false,
    },
  }
}

/**
 * Scores one job. A scorer that throws (a bug on our side, not the user's code: that comes back as an
 * outcome) gives that result a scoring error instead of ending the pass.
 */
async function scoreJob(
  job: AsyncJob,
  input: AsyncScorerInput,
  services: AsyncServices,
): Promise<AsyncScored> {
  const calls: ScoreCall[] = []
  const owner = {
    runId: services.runId,
    key: keyOf(job.output),
    metric: job.metric.metric,
    scorerHash: job.metric.hash,
  }
  const lent: ScoringServices = {
    sandbox: services.sandbox,
    grade: (request) => services.grade(owner, request, calls),
  }
  let outcome: ScoreOutcome
  try {
    outcome = await job.metric.evaluate(input, lent)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    outcome = { ...unscored(`The scorer failed: ${message}`), details: { scorerError: message, retry: true } }
  }
  return { job, outcome, calls }
}

/**
 * A page's code and assertion scorers. They start together: sandbox calls queue one after another inside
 * the sandbox, while grade calls wait on the model within the judge lane's limits.
 */
export function scoreAsyncJobs(jobs: readonly AsyncJob[], services: AsyncServices): Promise<AsyncScored[]> {
  // One input object per result: the scorers of a result share it (code scorers make its JSON once).
  const inputs = new Map<ScoredOutput, AsyncScorerInput>()
  const inputOf = (job: AsyncJob): AsyncScorerInput => {
    let input = inputs.get(job.output)
    if (!input) inputs.set(job.output, (input = scorerInput(job, services.facts(job.output))))
    return input
  }
  return Promise.all(jobs.map((job) => scoreJob(job, inputOf(job), services)))
}
