import type { Core, CoreOptions } from '../../../../../electron/main/core'
import type { DatasetSummary } from '../../../../../shared/domain/datasets'
import type { Run, RunProgress } from '../../../../../shared/domain/runs'
import type { SliceKey } from '../../../../../shared/domain/scoring'
import { call, demoCore, promptNamed } from '../../core-calls'

export const sim03 = { provider: 'demo', model: 'triage-sim-2026-03' }
export const sim09 = { provider: 'demo', model: 'triage-sim-2026-09' }

/** The demo workspace with instant simulated models. */
export function quickDemoCore(home: string, options: Partial<CoreOptions> = {}): Core {
  return demoCore(home, { runner: { demoLatencyScale: 0, flushMs: 10 }, ...options })
}

export interface Triage {
  promptId: string
  /** Version id by number. */
  v: (n: number) => string
  datasetId: string
}

export async function triage(core: Core): Promise<Triage> {
  const detail = await promptNamed(core, 'Ticket triage')
  const datasets = await call<DatasetSummary[]>(core, 'datasets.list', {})
  const golden = datasets.find((d) => d.name === 'Triage golden set')
  if (!golden) throw new Error('the demo dataset is missing')
  return {
    promptId: detail.prompt.id,
    v: (n) => {
      const id = detail.versions.find((x) => x.number === n)?.id
      if (!id) throw new Error(`Ticket triage has no v${n}`)
      return id
    },
    datasetId: golden.id,
  }
}

const ended = new Set(['completed', 'paused', 'cancelled', 'failed', 'interrupted'])

/** Resolves with the run once it has left 'running' (checked on every progress event and at once). */
export function settled(core: Core, runId: string): Promise<Run> {
  return new Promise((resolve) => {
    const check = async (): Promise<void> => {
      const run = await call<Run>(core, 'runs.get', { id: runId })
      if (!ended.has(run.status)) return
      stop()
      resolve(run)
    }
    const stop = core.bus.subscribe((event, payload) => {
      if (event === 'runs.progress' && (payload as RunProgress).runId === runId) void check()
    })
    void check()
  })
}

/** Runs one version on one model over the demo dataset to the end. */
export async function runSlice(
  core: Core,
  t: Triage,
  version: number,
  model: { provider: string; model: string },
  extra: Record<string, unknown> = {},
): Promise<{ run: Run; slice: SliceKey }> {
  const started = await call<Run>(core, 'runs.start', {
    name: `v${version} × ${model.model}`,
    promptVersionIds: [t.v(version)],
    models: [model],
    datasetId: t.datasetId,
    ...extra,
  })
  const run = await settled(core, started.id)
  return { run, slice: { promptVersionId: t.v(version), provider: model.provider, modelId: model.model } }
}
