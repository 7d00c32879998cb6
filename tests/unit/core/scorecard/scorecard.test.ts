import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import { openConnection } from '../../../../electron/main/core/db/connection'
import type { EvalSuite } from '../../../../shared/domain/scoring'
import type { PromptScorecard, WorkspaceScorecard } from '../../../../shared/domain/scorecard'
import type { Run } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'
import { demoDatasetId, runToEnd, versionId } from '../scoring/helpers'

const tempHome = useTempHomes()

const scorecard = (core: Core) => call<WorkspaceScorecard>(core, 'scorecard.get', {})

function card(s: WorkspaceScorecard, name: string): PromptScorecard {
  const found = s.prompts.find((p) => p.name === name)
  if (!found) throw new Error(`no scorecard for ${name}`)
  return found
}

function criterion(s: WorkspaceScorecard, name: string, key: string) {
  const found = card(s, name).criteria.find((c) => c.key === key)
  if (!found) throw new Error(`no ${key} for ${name}`)
  return found
}

async function runTriageV5(core: Core, extra: Record<string, unknown> = {}): Promise<Run> {
  return runToEnd(core, {
    promptVersionIds: [await versionId(core, 'Ticket triage', 5)],
    models: [{ provider: 'demo', model: 'triage-sim-2026-09' }],
    datasetId: await demoDatasetId(core),
    ...extra,
  })
}

describe('scorecard.get on the demo workspace', () => {
  it('shows each prompt’s level with the evidence behind every criterion', async () => {
    const core = demoCore(tempHome())
    const s = await scorecard(core)
    expect(s.prompts.map((p) => p.name)).toEqual(['Reply drafter', 'Ticket triage', 'Triage router'])
    expect(s.criteria).toHaveLength(12)

    const triage = card(s, 'Ticket triage')
    expect(criterion(s, 'Ticket triage', 'registry_history')).toMatchObject({
      met: true,
      evidence: expect.stringMatching(/^5 versions by 2 authors, latest v5 on 2026-/),
    })
    expect(criterion(s, 'Ticket triage', 'pinned_models')).toMatchObject({
      met: true,
      evidence: 'Pinned: v5 → demo/triage-sim-2026-09',
    })
    // The demo seeds the golden set but no run, so the prompt has not been evaluated on it yet.
    expect(criterion(s, 'Ticket triage', 'dataset_size')).toMatchObject({
      met: false,
      evidence: 'No completed run on a dataset',
      link: '#/runs',
    })
    expect(triage.level).toBe(0)
    expect(triage.nextSteps).toEqual(['Run the prompt on a dataset of at least 50 cases'])
    for (const key of ['eval_suite', 'gate_rules', 'latency_slo'])
      expect(criterion(s, 'Ticket triage', key).met).toBe(true)
    expect(criterion(s, 'Ticket triage', 'latency_slo').evidence).toBe('Gate: P95 latency ≤ 8 s')

    const reply = card(s, 'Reply drafter')
    expect(reply.level).toBe(0)
    expect(criterion(s, 'Reply drafter', 'pinned_models')).toMatchObject({
      met: false,
      evidence: expect.stringContaining('anthropic/claude-3-5-sonnet-latest'),
      nextStep: 'Pin v2 to a dated model snapshot instead of claude-3-5-sonnet-latest',
    })
    expect(reply.nextSteps).toEqual([
      'Pin v2 to a dated model snapshot instead of claude-3-5-sonnet-latest',
      'Run the prompt on a dataset of at least 50 cases',
    ])
    expect(criterion(s, 'Reply drafter', 'gate_rules')).toMatchObject({
      met: false,
      evidence: 'No gate rules',
    })

    // No prompt is deployed, so the workspace is as mature as its least mature prompt.
    expect(s.level).toBe(0)
    expect(s.criteria.find((c) => c.key === 'registry_history')).toMatchObject({ met: 3, of: 3 })
    expect(s.nextSteps[0]).toBe(
      'Run the prompt on a dataset of at least 50 cases (Reply drafter, Ticket triage, Triage router)',
    )
    expect(s.assessedAt).toMatch(/^2026-11-01T/)
    core.close()
  })

  it('changes when a gate rule is added to Reply drafter', async () => {
    const core = demoCore(tempHome())
    const reply = await promptNamed(core, 'Reply drafter')
    expect(criterion(await scorecard(core), 'Reply drafter', 'gate_rules').met).toBe(false)
    const suite = await call<EvalSuite>(core, 'suites.get', { promptId: reply.prompt.id })
    await call(core, 'suites.save', {
      promptId: reply.prompt.id,
      suite: { scorers: suite.scorers, gates: [{ kind: 'max_error_rate', max: 0.02 }] },
      message: 'Gate on errors',
    })
    const after = await scorecard(core)
    expect(criterion(after, 'Reply drafter', 'gate_rules')).toMatchObject({
      met: true,
      evidence: '1 gate rule in suite v1',
      nextStep: '',
    })
    expect(after.criteria.find((c) => c.key === 'gate_rules')).toMatchObject({ met: 3, of: 3 })
    core.close()
  })

  it('reaches level 2 for Ticket triage after a run and a signed-off baseline', async () => {
    const core = demoCore(tempHome(), { runner: { demoLatencyScale: 0, flushMs: 10 } })
    const run = await runTriageV5(core)
    let s = await scorecard(core)
    expect(criterion(s, 'Ticket triage', 'dataset_size')).toMatchObject({
      met: true,
      evidence: 'Largest evaluated dataset: "Triage golden set" (145 cases) in run "scoring test"',
    })
    expect(criterion(s, 'Ticket triage', 'cost_tracking')).toMatchObject({
      met: true,
      evidence: expect.stringMatching(/^Run "scoring test" has prices and \d+ segments/),
    })
    expect(card(s, 'Ticket triage').level).toBe(1)
    expect(card(s, 'Ticket triage').nextSteps).toEqual([
      'Set a baseline run for the prompt and have it signed off',
    ])

    const triage = await promptNamed(core, 'Ticket triage')
    const slice = {
      promptVersionId: await versionId(core, 'Ticket triage', 5),
      provider: 'demo',
      modelId: 'triage-sim-2026-09',
    }
    await call(core, 'baselines.set', { promptId: triage.prompt.id, runId: run.id, slice })
    s = await scorecard(core)
    expect(criterion(s, 'Ticket triage', 'baseline_signed')).toMatchObject({
      met: true,
      evidence: expect.stringMatching(/^Baseline set by tester on 2026-11-01, not signed off$/),
    })
    expect(card(s, 'Ticket triage').level).toBe(2)
    await call(core, 'signoffs.create', {
      promptId: triage.prompt.id,
      runId: run.id,
      slice,
      name: 'Priya Shah',
      role: 'PM',
    })
    s = await scorecard(core)
    expect(criterion(s, 'Ticket triage', 'baseline_signed').evidence).toMatch(/signed off 1 time$/)
    expect(card(s, 'Ticket triage').nextSteps).toHaveLength(4)
    core.close()
  }, 60_000)

  it('flips the level-3 criteria on an export, a canary run, a scored production import and a review queue', async () => {
    const home = tempHome()
    const core = demoCore(home, { runner: { demoLatencyScale: 0, flushMs: 10 } })
    const run = await runTriageV5(core, { canary: { share: 0.2 } })
    const triage = await promptNamed(core, 'Ticket triage')
    const before = await scorecard(core)
    expect(criterion(before, 'Ticket triage', 'canary_use')).toMatchObject({
      met: true,
      evidence: '1 canary run',
    })
    for (const key of ['ci_gate_exported', 'production_sampling', 'human_review'])
      expect(criterion(before, 'Ticket triage', key).met).toBe(false)

    // Rows as the export, production import and review modules write them (their own tests cover those flows).
    const db = openConnection(join(home, 'evallab.db'))
    db.prepare(
      `INSERT INTO bundle_exports (prompt_id, folder, exported_at, exported_by, manifest_sha256, commit_sha)
       VALUES (?, '/repo/evals', '2026-11-01T12:00:00.000Z', 'tester', 'abc', NULL)`,
    ).run(triage.prompt.id)
    const snapshot = db
      .prepare<[string], { dataset_snapshot_id: string }>('SELECT dataset_snapshot_id FROM runs WHERE id = ?')
      .get(run.id)
    const datasetId = db
      .prepare<[string], { dataset_id: string }>('SELECT dataset_id FROM dataset_snapshots WHERE id = ?')
      .get(snapshot?.dataset_snapshot_id ?? '')?.dataset_id
    db.prepare(
      `INSERT INTO production_imports (id, prompt_id, file_name, format, imported_at, imported_by, total, sampled,
         sample_rate, period_start, period_end, run_id, dataset_id, scored_suite_version)
       VALUES ('imp1', ?, 'prod.jsonl', 'openai-log', '2026-10-25T00:00:00.000Z', 'tester', 10, 2, 0.2, NULL, NULL,
         ?, ?, NULL)`,
    ).run(triage.prompt.id, run.id, datasetId)
    let s = await scorecard(core)
    expect(criterion(s, 'Ticket triage', 'ci_gate_exported')).toMatchObject({
      met: true,
      evidence: '1 export to a team repo, latest 2026-11-01',
    })
    expect(criterion(s, 'Ticket triage', 'production_sampling')).toMatchObject({
      met: false,
      evidence: '"prod.jsonl" imported 2026-10-25, not scored yet',
      nextStep: 'Score the latest production import',
    })
    db.prepare("UPDATE production_imports SET scored_suite_version = 1 WHERE id = 'imp1'").run()
    const rubric = db.prepare<[], { id: string }>('SELECT id FROM rubrics LIMIT 1').get()
    db.prepare(
      `INSERT INTO review_queues (id, name, run_id, rubric_id, mode, blind, reviewers_per_item, definition,
         created_at, created_by)
       VALUES ('q1', 'Check', ?, ?, 'single', 0, 1, '{}', '2026-11-01T00:00:00.000Z', 'tester')`,
    ).run(run.id, rubric?.id ?? '')
    db.close()
    s = await scorecard(core)
    expect(criterion(s, 'Ticket triage', 'production_sampling').met).toBe(true)
    expect(criterion(s, 'Ticket triage', 'human_review')).toMatchObject({
      met: true,
      evidence: "1 review queue on the prompt's runs",
    })
    core.close()
  }, 60_000)
})
