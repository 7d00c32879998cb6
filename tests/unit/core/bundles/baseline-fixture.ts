import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Core } from '../../../../electron/main/core'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { RunSummary } from '../../../../shared/domain/scoring'
import { call, demoCore } from '../core-calls'
import { demoDatasetId, runToEnd, triage } from '../scoring/helpers'

export interface BaselineWorkspace {
  core: Core
  home: string
  /** A scratch folder for exports, next to the workspace. */
  out: string
  prompt: PromptDetail
  runId: string
  cleanup: () => void
}

/** The demo workspace with Ticket triage v4 × Triage Sim 2026-03 run, scored and set as baseline. */
export async function demoWithBaseline(): Promise<BaselineWorkspace> {
  const home = mkdtempSync(join(tmpdir(), 'evallab-bundle-home-'))
  const out = mkdtempSync(join(tmpdir(), 'evallab-bundle-out-'))
  const core = demoCore(home, { runner: { demoLatencyScale: 0, flushMs: 10 } })
  const prompt = await triage(core)
  const v4 = prompt.versions.find((v) => v.number === 4)?.id ?? ''
  const slice = { promptVersionId: v4, provider: 'demo', modelId: 'triage-sim-2026-03' }
  const run = await runToEnd(core, {
    promptVersionIds: [v4],
    models: [{ provider: 'demo', model: slice.modelId }],
    datasetId: await demoDatasetId(core),
  })
  await call<RunSummary>(core, 'runs.score', { runId: run.id })
  await call(core, 'baselines.set', { promptId: prompt.prompt.id, runId: run.id, slice, note: 'v4 | pilot' })
  const cleanup = (): void => {
    core.close()
    rmSync(home, { recursive: true, force: true })
    rmSync(out, { recursive: true, force: true })
  }
  return { core, home, out, prompt, runId: run.id, cleanup }
}
