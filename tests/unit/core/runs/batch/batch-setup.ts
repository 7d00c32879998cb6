import type { Core } from '../../../../../electron/main/core'
import type { ProviderSettings } from '../../../../../electron/main/core/llm/providers/settings'
import type { Run, RunBatchJob, RunResult } from '../../../../../shared/domain/runs'
import type { FakeBatchApi } from '../../../../fixtures/batch/fake-batch-api'
import { call, demoCore } from '../../core-calls'
import { allResults, ownWorkspace, settled } from '../own-provider'

export const acme = { provider: 'acme-openai', model: 'gpt-4o-mini' }

/** The user's own OpenAI account: nothing is streamed to it in these tests (its URL goes nowhere). */
export const acmeSettings: Record<string, ProviderSettings> = {
  'acme-openai': { kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-acme', concurrency: 4 },
}

export function batchRunner(api: FakeBatchApi) {
  return { batchApiFactory: () => api, batchPollMs: 2, batchPollMaxMs: 4, flushMs: 5 }
}

/** A core on `home` (an existing workspace) with the fake Batch API, as a restarted process opens it. */
export function reopen(home: string, api: FakeBatchApi): Core {
  return demoCore(home, { seedDemo: false, providerSettings: acmeSettings, runner: batchRunner(api) })
}

export async function batchWorkspace(home: string, api: FakeBatchApi, rows: number, versions = 1) {
  return ownWorkspace(home, acme, {
    rows,
    versions,
    providerSettings: acmeSettings,
    runner: batchRunner(api),
  })
}

export async function startBatchRun(
  core: Core,
  plan: { datasetId: string; versionIds: string[] },
  extra: Record<string, unknown> = {},
): Promise<Run> {
  return call<Run>(core, 'runs.start', {
    name: 'Batch',
    promptVersionIds: plan.versionIds,
    models: [acme],
    datasetId: plan.datasetId,
    useCache: false,
    mode: 'batch',
    ...extra,
  })
}

export const jobsOf = (core: Core, id: string): Promise<RunBatchJob[]> =>
  call<RunBatchJob[]>(core, 'runs.batches', { id })

/** Resolves once `check` holds of the run's jobs (checked every few ms; the test's timeout bounds it). */
export async function jobsWhere(
  core: Core,
  id: string,
  check: (jobs: RunBatchJob[]) => boolean,
): Promise<RunBatchJob[]> {
  for (;;) {
    const jobs = await jobsOf(core, id)
    if (check(jobs)) return jobs
    await new Promise((r) => setTimeout(r, 2))
  }
}

/** Resolves with the run once runs.get says it left 'running' (an earlier session's last event cannot fool it). */
export async function finished(core: Core, id: string): Promise<Run> {
  for (;;) {
    const run = await call<Run>(core, 'runs.get', { id })
    if (run.status !== 'running') return run
    await new Promise((r) => setTimeout(r, 2))
  }
}

export { allResults, settled }
export type { RunResult }
