import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { AppError } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { Run } from '../../../../shared/domain/runs'
import type { RunSummary } from '../../../../shared/domain/scoring'
import { writeTransaction, type CoreContext } from '../context'
import { scoreKey, type ScoredOutput, type StoredScore } from '../db/repos/run-scores'
import { defaultScoringBatch, type ScoringDeps } from './deps'
import { judgeOutput, type JudgedOutput } from './judge/call'
import { modelKey } from '../../../../shared/lib/model-ref'
import { judgeSetups, type JudgeSetup } from './judge/env'
import { suiteCache, type JudgeMetric, type PreparedSuite } from './prepare'
import { passServices, scoreAsyncJobs, type AsyncJob, type AsyncServices } from './score-async'
import type { ScoreCall } from '../db/repos/score-calls'
import { unscored, type ScoreOutcome, type VersionParams } from './scorers/types'
import { summarizeRun } from './summary'
import { insertScoresWithTotals, snapshotCaseTags, type CaseTags } from './score-totals'
import { readSnapshotCases } from '../snapshot-cases'
import type { SuiteMetric } from './metrics'

export interface ScoreResultsOptions {
  /** Only the results this accepts (e.g. the canary's sample); every result of the run when omitted. */
  resultFilter?: (result: ScoredOutput) => boolean
  /** Judges call models (time, money); the canary scores its sample with format and rule checks only. */
  judges: boolean
}

export interface ScoringReport {
  /** Score rows written (new, or a failed judge's retried score). */
  written: number
  /** Result × scorer pairs already scored by the same scorer: skipped without a call. */
  skipped: number
  judgeCalls: number
}

interface PendingJudge {
  output: ScoredOutput
  metric: JudgeMetric
  case: DatasetCase | undefined
}

interface Pass {
  ctx: CoreContext
  run: Run
  cases: Map<string, DatasetCase>
  caseTags: CaseTags
  scored: Set<string>
  report: ScoringReport
  suites: (versionId: string) => PreparedSuite
  versionParams: (versionId: string) => VersionParams | null
  /** Made on first use: a pass with no code or assertion scorer loads no sandbox and reads no facts. */
  asyncServices: () => AsyncServices
}

function requireRun(ctx: CoreContext, runId: string): Run {
  const run = ctx.repos.runs.get(runId)
  if (!run) throw new AppError('NOT_FOUND', `No run with id ${runId}`)
  return run
}

function stored(pass: Pass, output: ScoredOutput, metric: SuiteMetric, outcome: ScoreOutcome): StoredScore {
  return {
    runId: pass.run.id,
    caseId: output.caseId,
    promptVersionId: output.promptVersionId,
    provider: output.provider,
    modelId: output.modelId,
    repeat: output.repeat,
    metric: metric.metric,
    scorerHash: metric.hash,
    source: metric.source,
    value: outcome.value,
    raw: outcome.raw,
    passed: outcome.passed,
    reason: outcome.reason,
    details: outcome.details ?? {},
    createdAt: pass.ctx.now(),
  }
}

interface PageWork {
  rows: StoredScore[]
  /** The code and assertion scorers' rows (also in `rows`): one may replace a row marked for retry. */
  asyncRows: StoredScore[]
  calls: ScoreCall[]
  asyncJobs: AsyncJob[]
}

/** The page's format and rule checks (scored at once); its code, assertion and judge work is collected. */
function scorePageSync(
  pass: Pass,
  page: readonly ScoredOutput[],
  options: ScoreResultsOptions,
  judges: PendingJudge[],
): PageWork {
  const work: PageWork = { rows: [], asyncRows: [], calls: [], asyncJobs: [] }
  for (const output of page) {
    if (options.resultFilter && !options.resultFilter(output)) continue
    const prepared = pass.suites(output.promptVersionId)
    const c = pass.cases.get(output.caseId)
    const version = pass.versionParams(output.promptVersionId)
    for (const metric of prepared.deterministic) {
      if (alreadyScored(pass, output, metric)) continue
      const input = {
        output: output.responseText,
        failure: output.errorMessage,
        case: c ?? { expected: {} },
        toolCalls: output.toolCalls,
        version,
      }
      work.rows.push(stored(pass, output, metric, metric.evaluate(input)))
    }
    for (const metric of prepared.async) {
      // Without model calls, a case that needs its grader waits for a pass that has one.
      if (!options.judges && metric.needsModel(c ?? { expected: {} })) continue
      if (!alreadyScored(pass, output, metric)) work.asyncJobs.push({ output, metric, case: c, version })
    }
    if (!options.judges) continue
    for (const metric of prepared.judges)
      if (!alreadyScored(pass, output, metric)) judges.push({ output, metric, case: c })
  }
  return work
}

/** The page's code and assertion scorers, awaited; their rows and grade calls join the page's write. */
async function scorePageAsync(pass: Pass, work: PageWork, deps: ScoringDeps): Promise<void> {
  if (work.asyncJobs.length === 0) return
  const scored = await scoreAsyncJobs(work.asyncJobs, pass.asyncServices())
  if (deps.signal?.aborted) return // stopped: nothing half-scored is stored
  for (const { job, outcome, calls } of scored) {
    const row = stored(pass, job.output, job.metric, outcome)
    work.rows.push(row)
    work.asyncRows.push(row)
    work.calls.push(...calls)
    pass.report.judgeCalls += calls.length
  }
}

/**
 * One page's rows and grade calls. A row not inserted was there marked for retry (the others were skipped
 * before scoring): the async rows then replace theirs (the same values again where they were just inserted).
 */
function writePage(ctx: CoreContext, runId: string, work: PageWork, tags: CaseTags): number {
  for (const call of work.calls) ctx.repos.scoreCalls.insert(call)
  const inserted = insertScoresWithTotals(ctx.repos, runId, work.rows, tags)
  if (inserted === work.rows.length) return inserted
  for (const row of work.asyncRows) ctx.repos.runScores.replace(row)
  return work.rows.length
}

/**
 * Format, rule, code and assertion scorers on every stored output, in pages of `batch` results: one short
 * transaction per page, then a yield, so scoring a large run never blocks the event loop for long. Collects
 * the judge work.
 */
async function scoreStored(
  pass: Pass,
  options: ScoreResultsOptions,
  deps: ScoringDeps,
): Promise<PendingJudge[]> {
  const { ctx, run } = pass
  const batch = deps.scoringBatch ?? defaultScoringBatch
  const judges: PendingJudge[] = []
  const write = async ({ work, scoring }: InFlightPage): Promise<void> => {
    await scoring
    if (work.rows.length > 0 || work.calls.length > 0) {
      pass.report.written += writeTransaction(ctx, () => writePage(ctx, run.id, work, pass.caseTags))
    }
  }
  // Two pages in flight: while the sandbox worker runs one page's code scorers, this thread scores the next
  // page's checks and writes the previous page, so the worker is never idle waiting for a write.
  let previous: InFlightPage | null = null
  for (let after = 0; ;) {
    const page = ctx.repos.runScores.outputs(run.id, after, batch)
    const last = page.at(-1)
    if (!last) break
    after = last.row
    const work = scorePageSync(pass, page, options, judges)
    const current = inFlight(work, scorePageAsync(pass, work, deps))
    if (previous) await write(previous)
    previous = current
    await yieldToEventLoop()
  }
  if (previous) await write(previous)
  return judges
}

interface InFlightPage {
  work: PageWork
  scoring: Promise<void>
}

/** A page whose async scoring runs while the loop goes on; a failure surfaces when the page is written. */
function inFlight(work: PageWork, scoring: Promise<void>): InFlightPage {
  scoring.catch(() => undefined) // awaited (and thrown) in write(); this only keeps Node from calling it unhandled
  return { work, scoring }
}

/** Each version's params read once per pass: the same object each time, so its schemas compile once. */
function versionParamsCache(ctx: CoreContext): (versionId: string) => VersionParams | null {
  const byVersion = new Map<string, VersionParams | null>()
  return (versionId) => {
    if (!byVersion.has(versionId))
      byVersion.set(versionId, ctx.repos.prompts.versionById(versionId)?.params ?? null)
    return byVersion.get(versionId) ?? null
  }
}

function alreadyScored(pass: Pass, output: ScoredOutput, metric: SuiteMetric): boolean {
  const done = pass.scored.has(scoreKey(output, metric.metric, metric.hash))
  if (done) pass.report.skipped++
  return done
}

async function judgeOne(pass: Pass, job: PendingJudge, setup: JudgeSetup | undefined): Promise<JudgedOutput> {
  const { output, metric } = job
  if (output.responseText === null) {
    return {
      outcome: unscored(`No output to judge: the call failed: ${output.errorMessage ?? ''}`),
      calls: [],
    }
  }
  if (!setup?.ok) {
    const error = setup?.error ?? 'no judge model'
    return {
      outcome: { ...unscored(`The judge cannot be called: ${error}`), details: { retry: true } },
      calls: [],
    }
  }
  return judgeOutput(
    {
      runId: pass.run.id,
      key: output,
      metric: metric.metric,
      scorerHash: metric.hash,
      model: metric.model,
      samples: metric.samples,
      rubric: metric.rubric,
      criterion: metric.criterion,
      vars: job.case?.vars ?? {},
      ...(job.case?.conversation ? { conversation: job.case.conversation } : {}),
      expected: job.case?.expected ?? {},
      output: output.responseText,
      toolCalls: output.toolCalls,
    },
    setup.env,
  )
}

/** Judges run side by side within each judge provider's limits; each judged output is written at once. */
async function scoreJudges(pass: Pass, jobs: readonly PendingJudge[], deps: ScoringDeps): Promise<void> {
  if (jobs.length === 0) return
  const models = [...new Map(jobs.map((j) => [modelKey(j.metric.model), j.metric.model])).values()]
  const setups = await judgeSetups(pass.ctx, models, deps)
  const { ctx } = pass
  await Promise.all(
    jobs.map(async (job) => {
      let judged: JudgedOutput
      try {
        judged = await judgeOne(pass, job, setups.get(modelKey(job.metric.model)))
      } catch (error) {
        if (deps.signal?.aborted) return // stopped: nothing half-judged is stored
        throw error
      }
      if (deps.signal?.aborted) return
      writeTransaction(ctx, () => {
        for (const call of judged.calls) ctx.repos.scoreCalls.insert(call)
        ctx.repos.runScores.replace(stored(pass, job.output, job.metric, judged.outcome))
      })
      pass.report.written++
      pass.report.judgeCalls += judged.calls.length
    }),
  )
}

/** Scoring passes per run, chained: a second pass waits and then sees the first one's scores. */
const passes = new Map<string, Promise<unknown>>()

/**
 * Two passes over the same run at once (a gate and the Score button) would both call the same judges; one
 * after the other, the second skips what the first scored.
 */
async function oneAtATime<T>(runId: string, work: () => Promise<T>): Promise<T> {
  const before = passes.get(runId) ?? Promise.resolve()
  const mine = before.then(work, work)
  const settledMine = mine.catch(() => undefined)
  passes.set(runId, settledMine)
  try {
    return await mine
  } finally {
    if (passes.get(runId) === settledMine) passes.delete(runId)
  }
}

/**
 * Scores the stored outputs of a run (or the results `resultFilter` accepts) with the latest suite of each
 * result's prompt. Never calls the evaluated model: only stored outputs are read. An output already scored
 * by an unchanged scorer is skipped; a new or changed scorer adds its own rows.
 */
export function scoreResults(
  ctx: CoreContext,
  runId: string,
  options: ScoreResultsOptions,
  deps: ScoringDeps = {},
): Promise<ScoringReport> {
  return oneAtATime(runId, () => scorePass(ctx, runId, options, deps))
}

async function scorePass(
  ctx: CoreContext,
  runId: string,
  options: ScoreResultsOptions,
  deps: ScoringDeps,
): Promise<ScoringReport> {
  const run = requireRun(ctx, runId)
  const cases = new Map((await readSnapshotCases(ctx.repos, run.datasetSnapshotId)).map((c) => [c.id, c]))
  const services = passServices(ctx, runId, deps)
  const pass: Pass = {
    ctx,
    run,
    cases,
    caseTags: snapshotCaseTags(cases),
    scored: ctx.repos.runScores.scoredKeys(runId),
    report: { written: 0, skipped: 0, judgeCalls: 0 },
    suites: suiteCache(ctx),
    versionParams: versionParamsCache(ctx),
    asyncServices: services.get,
  }
  try {
    const judges = await scoreStored(pass, options, deps)
    if (options.judges) await scoreJudges(pass, judges, deps)
  } finally {
    await services.close()
  }
  return pass.report
}

/** Scores every result of the run, judges included, and returns the run's summary. */
export async function scoreRun(ctx: CoreContext, runId: string, deps: ScoringDeps = {}): Promise<RunSummary> {
  await scoreResults(ctx, runId, { judges: true }, deps)
  return summarizeRun(ctx, runId)
}
