import type { Core } from '../../../../electron/main/core'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { Run, RunProgress } from '../../../../shared/domain/runs'
import { call, promptNamed } from '../core-calls'

/** Resolves when the run leaves 'running' (completed, cancelled, failed…), with its final row. */
export function settled(core: Core, runId: string): Promise<Run> {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || p.status === 'running') return
      stop()
      void call<Run>(core, 'runs.get', { id: runId }).then(resolve)
    })
  })
}

export async function demoDatasetId(core: Core): Promise<string> {
  const datasets = await call<DatasetSummary[]>(core, 'datasets.list', {})
  const golden = datasets.find((d) => d.name === 'Triage golden set')
  if (!golden) throw new Error('the demo dataset is missing')
  return golden.id
}

/** The id of version `number` of a prompt. */
export async function versionId(core: Core, prompt: string, number: number): Promise<string> {
  const detail = await promptNamed(core, prompt)
  const id = detail.versions.find((v) => v.number === number)?.id
  if (!id) throw new Error(`${prompt} has no v${number}`)
  return id
}

export interface RunInput {
  promptVersionIds: string[]
  models: { provider: string; model: string }[]
  datasetId: string
  useCache?: boolean
}

/** Starts a run and waits for it to end. */
export async function runToEnd(core: Core, input: RunInput, name = 'scoring test'): Promise<Run> {
  const run = await call<Run>(core, 'runs.start', { ...input, name })
  const done = settled(core, run.id)
  const now = await call<Run>(core, 'runs.get', { id: run.id })
  return now.status === 'running' ? done : now
}

export async function triage(core: Core): Promise<PromptDetail> {
  return promptNamed(core, 'Ticket triage')
}
