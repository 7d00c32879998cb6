import type { Handlers } from '../dispatch'
import { exportRunResults } from '../runs/export'
import { fullResult, resultRowsPage } from './result-rows'
import { resultsPage } from '../runs/results-page'
import type { RunManager } from '../runs/runner'
import type { CoreContext } from '../context'

type RunHandlers = Pick<
  Handlers,
  | 'runs.plan'
  | 'runs.start'
  | 'runs.list'
  | 'runs.get'
  | 'runs.batches'
  | 'runs.cancel'
  | 'runs.pause'
  | 'runs.resume'
  | 'runs.results'
  | 'runs.resultRows'
  | 'runs.result'
  | 'runs.exportResults'
>

/** Eval runs; the calls themselves run in the RunManager, in the background. */
export function runHandlers(ctx: CoreContext, runs: RunManager): RunHandlers {
  return {
    'runs.plan': (plan) => runs.plan(plan),
    'runs.start': ({ name, ...plan }) => runs.start(plan, name),
    'runs.list': () => ctx.repos.runs.list(),
    'runs.get': ({ id }) => runs.get(id),
    'runs.batches': ({ id }) => (runs.get(id), ctx.repos.batchJobs.listOfRun(id)),
    'runs.cancel': ({ id }) => runs.cancel(id),
    'runs.pause': ({ id }) => runs.pause(id),
    'runs.resume': ({ id }) => runs.resume(id),
    'runs.results': ({ runId, offset, limit, ...filter }) =>
      resultsPage(ctx, runs.get(runId), filter, { offset, limit }),
    'runs.resultRows': ({ runId, offset, limit, ...filter }) =>
      resultRowsPage(ctx, runs.get(runId), filter, { offset, limit }),
    'runs.result': (key) => fullResult(ctx, runs.get(key.runId), key),
    'runs.exportResults': (request) => exportRunResults(ctx, request),
  }
}
