import type { Core } from '../../../electron/main/core'
import type { BundleExport, SigningKey } from '../../../shared/domain/bundles'
import type { Run } from '../../../shared/domain/runs'
import type { SliceKey } from '../../../shared/domain/scoring'
import { call, demoCore, promptNamed } from '../core/core-calls'
import { demoDatasetId, settled, versionId } from '../core/scoring/helpers'

export const demoPrompt = 'Ticket triage'
const demoModel = { provider: 'demo', model: 'triage-sim-2026-03' }

export interface DemoBaseline {
  /** The exported prompt folder, <exportDir>/ticket-triage. */
  folder: string
  /** The workspace the baseline was built in (its core is closed). */
  home: string
}

/** The seeded demo workspace; the simulated models answer at once so the suite stays fast. */
export function openDemo(home: string): Core {
  return demoCore(home, { runner: { demoLatencyScale: 0 } })
}

async function runBaseline(core: Core): Promise<{ run: Run; slice: SliceKey }> {
  const v4 = await versionId(core, demoPrompt, 4)
  const started = await call<Run>(core, 'runs.start', {
    name: 'baseline',
    promptVersionIds: [v4],
    models: [demoModel],
    datasetId: await demoDatasetId(core),
  })
  // Subscribe before reading, so a run that ends in between is still seen.
  const done = settled(core, started.id)
  const now = await call<Run>(core, 'runs.get', { id: started.id })
  const run = now.status === 'running' || now.status === 'planned' ? await done : now
  if (run.status !== 'completed') throw new Error(`demo baseline run ${run.status}`)
  await call(core, 'runs.score', { runId: run.id })
  return { run, slice: { promptVersionId: v4, provider: demoModel.provider, modelId: demoModel.model } }
}

/**
 * "Ticket triage" v4 × demo/triage-sim-2026-03 on the demo golden set, scored, signed off and exported to
 * `exportDir`. With `stagingVersion`, that version is promoted to staging first, so prompt.json names it.
 */
export async function buildDemoBaseline(
  home: string,
  exportDir: string,
  options: { stagingVersion?: number } = {},
): Promise<DemoBaseline> {
  const core = openDemo(home)
  try {
    const { run, slice } = await runBaseline(core)
    const key = await call<SigningKey>(core, 'signingKeys.create', { owner: 'Priya Shah' })
    const promptId = (await promptNamed(core, demoPrompt)).prompt.id
    await call(core, 'signoffs.create', {
      ...{ promptId, runId: run.id, slice, keyId: key.keyId },
      ...{ name: 'Priya Shah', role: 'PM', comment: 'v4 on the simulated model is our baseline' },
    })
    if (options.stagingVersion !== undefined) {
      await call(core, 'prompts.promote', {
        promptId,
        versionId: await versionId(core, demoPrompt, options.stagingVersion),
        env: 'staging',
        reason: 'try it in staging',
      })
    }
    const exported = await call<BundleExport>(core, 'bundles.export', { promptId, folder: exportDir })
    return { folder: exported.folder, home }
  } finally {
    core.close()
  }
}
