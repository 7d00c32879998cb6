import type { CoreContext } from '../../../../electron/main/core/api/context'
import { sha256Ref } from '../../../../electron/main/core/bundles/hash'
import { bundlePaths, type BundleFiles } from '../../../../electron/main/core/bundles/format'
import { bundledMigrations } from '../../../../electron/main/core/db/migrations'
import { createRepos } from '../../../../electron/main/core/db/repos'
import { seedDemo } from '../../../../electron/main/core/demo/seed'
import { openWorkspace } from '../../../../electron/main/core/workspace/open'
import type { Baseline } from '../../../../shared/domain/scoring'
import { fixedClock } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { quickDemoCore, runSlice, sim03, triage } from '../scoring/gates/demo-runs'
import { createLlmGateway } from '../../../../electron/main/core/llm/gateway'

/** A core context straight on a workspace folder (bundles work below the dispatch layer). */
export function openContext(
  home: string,
  options: { seedDemo?: boolean; user?: string } = {},
): { ctx: CoreContext; close: () => void } {
  const now = fixedClock(Date.parse('2026-12-01T10:00:00.000Z'))
  const workspace = openWorkspace({ home, migrations: bundledMigrations, now })
  if (workspace.created && (options.seedDemo ?? true)) seedDemo(workspace.db, now)
  const repos = createRepos(workspace.db)
  const ctx = {
    db: workspace.db,
    repos,
    user: options.user ?? 'importer',
    now,
    llm: createLlmGateway({ repos }),
  }
  return { ctx, close: () => workspace.close() }
}

/** The demo with a scored run of Ticket triage v4 × sim-03 set as its baseline. Returns the prompt id. */
export async function demoWithBaseline(home: string): Promise<string> {
  const core = quickDemoCore(home)
  const t = await triage(core)
  const { run, slice } = await runSlice(core, t, 4, sim03)
  await call(core, 'runs.score', { runId: run.id })
  await call<Baseline>(core, 'baselines.set', { promptId: t.promptId, runId: run.id, slice, note: 'Q4' })
  core.close()
  return t.promptId
}

/** A sign-off of the baseline as exported, written straight to the table (no signature). */
export function addSignoff(ctx: CoreContext, promptId: string, files: BundleFiles): void {
  const [baseline] = ctx.repos.baselines.forPrompt(promptId)
  if (!baseline) throw new Error('no baseline')
  ctx.repos.signoffs.insert({
    id: 'so_test0000000000000',
    promptId,
    datasetSnapshotId: baseline.datasetSnapshotId,
    runId: baseline.runId,
    slice: baseline.slice,
    name: 'Priya Shah',
    role: 'PM',
    comment: 'Looks right',
    signedAt: '2026-11-20T09:00:00.000Z',
    runContentHash: sha256Ref(files.get(bundlePaths.results) ?? ''),
    files: {},
    signature: null,
  })
}

const tables = [
  'prompts',
  'prompt_versions',
  'prompt_environments',
  'datasets',
  'dataset_cases',
  'dataset_snapshots',
  'rubrics',
  'eval_suites',
  'runs',
  'run_results',
  'run_scores',
  'baselines',
  'signoffs',
  'audit_log',
]

/** Row counts of every table an import writes: equal before and after means nothing was written. */
export function rowCounts(ctx: CoreContext): Record<string, number> {
  return Object.fromEntries(
    tables.map((t) => [t, ctx.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${t}`).get()?.n ?? 0]),
  )
}
