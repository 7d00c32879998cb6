import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../../electron/main/core/db/connection'
import type { Run } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { demoCore, promptNamed } from '../core-calls'
import { allItems, createQueue, reviewSetup, score } from '../review/helpers'
import { demoDatasetId, runToEnd, versionId } from '../scoring/helpers'
import { assessed } from './helpers'

const tempHome = useTempHomes()
const fast = { runner: { demoLatencyScale: 0, flushMs: 10 } }
const september = { provider: 'demo', model: 'triage-sim-2026-09' }
const march = { provider: 'demo', model: 'triage-sim-2026-03' }

describe('Level 3 · Optimized', () => {
  it('production sampling with alerts: a scored import of the last 30 days and alert thresholds', async () => {
    const home = tempHome()
    const core = demoCore(home, fast)
    const v5 = await versionId(core, 'Ticket triage', 5)
    const run: Run = await runToEnd(core, {
      promptVersionIds: [v5],
      models: [september],
      datasetId: await demoDatasetId(core),
    })
    const triage = await promptNamed(core, 'Ticket triage')
    // Rows as the production import and settings write them (their own tests cover those flows).
    const db = openConnection(join(home, 'evallab.db'))
    db.prepare(
      `INSERT INTO production_imports (id, prompt_id, file_name, format, imported_at, imported_by, total, sampled,
         sample_rate, period_start, period_end, run_id, dataset_id, scored_suite_version)
       VALUES ('imp1', ?, 'prod.jsonl', 'openai-log', '2026-10-25T00:00:00.000Z', 'tester', 10, 2, 0.2, NULL, NULL,
         ?, ?, NULL)`,
    ).run(triage.prompt.id, run.id, run.plan.datasetId)
    expect(await assessed(core, 'Ticket triage', 'production_alerts')).toMatchObject({
      met: false,
      evidence: '"prod.jsonl" imported 2026-10-25, not scored yet; no alert thresholds',
      nextStep: 'Score the latest production import',
    })
    db.prepare("UPDATE production_imports SET scored_suite_version = 1 WHERE id = 'imp1'").run()
    expect(await assessed(core, 'Ticket triage', 'production_alerts')).toMatchObject({
      met: false,
      nextStep: 'Set alert thresholds on the prompt’s production metrics',
    })
    db.prepare(
      `INSERT INTO production_settings (prompt_id, sample_rate, seed, thresholds, updated_at, updated_by)
       VALUES (?, 0.2, 1, '[{"metric":"format.json_schema","direction":"min","value":0.98}]', 't', 'tester')`,
    ).run(triage.prompt.id)
    db.close()
    expect(await assessed(core, 'Ticket triage', 'production_alerts')).toMatchObject({
      met: true,
      evidence: '"prod.jsonl" imported 2026-10-25, scored; 1 alert threshold',
      nextStep: '',
    })
    core.close()
  }, 60_000)

  it('human review calibrated against judges: 10 outputs scored by people and by the suite’s judge', async () => {
    const s = await reviewSetup(tempHome(), ['Ana'])
    const ana = s.reviewers[0]?.id ?? ''
    const queue = await createQueue(s.core, {
      name: 'Priority',
      runId: s.run.id,
      rubricId: s.rubricId,
      criterionKeys: ['priority_reasonable'],
      source: { kind: 'sample', n: 10, seed: 5 },
      reviewerIds: [ana],
    })
    expect(await assessed(s.core, 'Ticket triage', 'review_calibrated')).toMatchObject({
      met: false,
      evidence: '1 review queue, none on outputs an LLM judge of the suite also scored',
      link: '#/review',
    })
    const items = await allItems(s.core, queue.id, ana)
    expect(items).toHaveLength(10)
    for (const item of items.slice(0, 9)) await score(s.core, item.assignmentId, 'priority_reasonable', 5)
    expect(await assessed(s.core, 'Ticket triage', 'review_calibrated')).toMatchObject({
      met: false,
      evidence: expect.stringMatching(
        /^Queue "Priority": judge\.priority_reasonable against human scores on 9 items/,
      ),
      nextStep: 'Review at least 10 outputs on a criterion the suite’s LLM judge scores',
    })
    await score(s.core, items[9]?.assignmentId ?? '', 'priority_reasonable', 5)
    expect(await assessed(s.core, 'Ticket triage', 'review_calibrated')).toMatchObject({
      met: true,
      evidence: expect.stringMatching(/on 10 items(, κ -?\d\.\d\d)?, \d+ % agreement$/),
    })
    s.core.close()
  }, 60_000)

  it('cost optimisation: a canary run of a cheaper model next to the current one, or cached answers', async () => {
    const home = tempHome()
    const core = demoCore(home, fast)
    const v5 = await versionId(core, 'Ticket triage', 5)
    const datasetId = await demoDatasetId(core)
    const canary = await runToEnd(
      core,
      {
        promptVersionIds: [v5],
        models: [september, march],
        datasetId,
        useCache: false,
        canary: { share: 0.2 },
      } as never,
      'cheaper canary',
    )
    // The simulated models are free; the prices a run froze are what the criterion compares.
    expect(await assessed(core, 'Ticket triage', 'cost_optimisation')).toMatchObject({
      met: false,
      evidence: 'No cached answers and no canary run of a cheaper model',
    })
    const db = openConnection(join(home, 'evallab.db'))
    const price = (model: string, input: number, output: number) => ({
      provider: 'demo',
      model,
      inputPerMTok: input,
      outputPerMTok: output,
      cachedInputPerMTok: null,
      source: 'override',
      batch: null,
    })
    db.prepare('UPDATE runs SET price_table = ? WHERE id = ?').run(
      JSON.stringify([price(september.model, 2.5, 10), price(march.model, 0.15, 0.6)]),
      canary.id,
    )
    db.close()
    expect(await assessed(core, 'Ticket triage', 'cost_optimisation')).toMatchObject({
      met: true,
      evidence:
        'Canary run "cheaper canary": demo/triage-sim-2026-03 at $0.75/MTok against demo/triage-sim-2026-09 at $12.5/MTok',
    })

    await runToEnd(core, { promptVersionIds: [v5], models: [september], datasetId }, 'warm')
    await runToEnd(core, { promptVersionIds: [v5], models: [september], datasetId }, 'from the cache')
    expect((await assessed(core, 'Ticket triage', 'cost_optimisation')).evidence).toMatch(
      /^\d+ answers from the cache and 0 prompt-cache hits in \d+ runs?; Canary run "cheaper canary"/,
    )
    core.close()
  }, 60_000)
})
