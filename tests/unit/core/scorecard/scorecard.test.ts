import { mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { criterionKeys, levelNames } from '../../../../shared/domain/scorecard'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure, demoCore, promptNamed } from '../core-calls'
import { demoDatasetId, runToEnd, versionId } from '../scoring/helpers'
import { assessed, card, criterion, scorecard } from './helpers'

const tempHome = useTempHomes()
const fast = { runner: { demoLatencyScale: 0, flushMs: 10 } }
const september = { provider: 'demo', model: 'triage-sim-2026-09' }
const march = { provider: 'demo', model: 'triage-sim-2026-03' }

describe('the maturity model', () => {
  it('has the levels and criteria the product describes, in order', () => {
    expect(levelNames).toEqual(['Ad hoc', 'Managed', 'Automated', 'Optimized'])
    expect(criterionKeys).toEqual([
      ...['registry_history', 'pinned_models', 'incident_runbook'],
      ...['ci_gate', 'canary_before_switch', 'ab_prompt_variants', 'cost_per_segment'],
      ...['production_alerts', 'review_calibrated', 'cost_optimisation'],
    ])
  })
})

describe('scorecard.get on the demo workspace as seeded', () => {
  it('shows every criterion of every level with the evidence behind it and the next step', async () => {
    const core = demoCore(tempHome())
    const s = await scorecard(core)
    expect(s.prompts.map((p) => p.name)).toEqual(['Reply drafter', 'Ticket triage', 'Triage router'])
    expect(card(s, 'Ticket triage').criteria.map((c) => [c.key, c.level])).toEqual([
      ...[
        ['registry_history', 1],
        ['pinned_models', 1],
        ['incident_runbook', 1],
      ],
      ...[
        ['ci_gate', 2],
        ['canary_before_switch', 2],
        ['ab_prompt_variants', 2],
        ['cost_per_segment', 2],
      ],
      ...[
        ['production_alerts', 3],
        ['review_calibrated', 3],
        ['cost_optimisation', 3],
      ],
    ])
    expect(criterion(s, 'Ticket triage', 'registry_history')).toMatchObject({
      met: true,
      evidence: expect.stringMatching(/^5 versions by 2 authors, latest v5 on 2026-/),
      nextStep: '',
    })
    expect(criterion(s, 'Ticket triage', 'pinned_models')).toMatchObject({
      met: true,
      evidence: 'Pinned: v5 → demo/triage-sim-2026-09',
    })
    expect(criterion(s, 'Reply drafter', 'pinned_models')).toMatchObject({
      met: false,
      nextStep: 'Pin v2 to a dated model snapshot instead of claude-3-5-sonnet-latest',
    })
    expect(criterion(s, 'Ticket triage', 'incident_runbook')).toMatchObject({
      met: false,
      evidence: 'No incident runbook recorded',
      link: '#/scorecard',
    })
    expect(criterion(s, 'Reply drafter', 'ci_gate')).toMatchObject({
      met: false,
      evidence: 'No gate rules in the eval suite: CI has nothing to gate on',
      link: expect.stringMatching(/^#\/prompts\/.+\/suite$/),
    })
    expect(criterion(s, 'Ticket triage', 'ci_gate')).toMatchObject({
      met: false,
      evidence: '4 gate rules, but no baseline to gate on',
    })
    expect(criterion(s, 'Ticket triage', 'canary_before_switch')).toMatchObject({
      met: false,
      evidence:
        'v5 moved from demo/triage-sim-2026-03 to demo/triage-sim-2026-09, not deployed yet, with no canary run of demo/triage-sim-2026-09 before it',
      nextStep: 'Run v5 on demo/triage-sim-2026-09 with a canary sample before promoting it',
    })
    expect(criterion(s, 'Ticket triage', 'ab_prompt_variants')).toMatchObject({
      met: false,
      evidence: 'No run or pairwise comparison of two prompt versions',
    })
    expect(criterion(s, 'Ticket triage', 'cost_per_segment')).toMatchObject({
      met: false,
      evidence: 'No completed run with known prices',
    })
    expect(criterion(s, 'Ticket triage', 'production_alerts')).toMatchObject({
      met: false,
      evidence: 'No production import in the last 30 days; no alert thresholds',
      link: '#/production',
    })
    expect(criterion(s, 'Ticket triage', 'review_calibrated')).toMatchObject({
      met: false,
      evidence: 'No review queues',
    })
    expect(criterion(s, 'Ticket triage', 'cost_optimisation')).toMatchObject({
      met: false,
      evidence: 'No cached answers and no canary run of a cheaper model',
    })
    // Nobody recorded a runbook, so no prompt is Managed yet; the workspace says what to do first.
    expect(s.prompts.map((p) => p.level)).toEqual([0, 0, 0])
    expect(s.level).toBe(0)
    expect(s.runbook).toBeNull()
    expect(s.nextSteps[0]).toBe(
      'Record the link or file of the team’s incident runbook on the Scorecard screen (Reply drafter, Ticket triage, Triage router)',
    )
    expect(s.criteria.find((c) => c.key === 'registry_history')).toMatchObject({ met: 3, of: 3 })
    core.close()
  })
})

describe('Level 1 · Managed', () => {
  it('is reached once the team records its incident runbook (a link, or a file that exists)', async () => {
    const home = tempHome()
    const core = demoCore(home)
    expect(await failure(core, 'scorecard.setRunbook', { location: '  ' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Give the link or file path of the incident runbook'),
    })
    expect(await failure(core, 'scorecard.setRunbook', { location: 'javascript:alert(1)' })).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'No file at "javascript:alert(1)": give the runbook\'s link (https://…) or the full path of its file',
    })
    await call(core, 'scorecard.setRunbook', { location: 'https://wiki.acme.test/llm/incident-runbook' })
    let s = await scorecard(core)
    expect(criterion(s, 'Ticket triage', 'incident_runbook')).toMatchObject({
      met: true,
      evidence:
        'Runbook (link): https://wiki.acme.test/llm/incident-runbook, recorded by tester on 2026-11-01',
    })
    expect(card(s, 'Ticket triage').level).toBe(1)
    // Reply drafter still calls a moving alias: Managed needs every level-1 criterion.
    expect(card(s, 'Reply drafter').level).toBe(0)

    const file = join(mkdtempSync(join(home, 'docs-')), 'RUNBOOK.md')
    writeFileSync(file, '# When the triage model misbehaves\n')
    await call(core, 'scorecard.setRunbook', { location: file })
    s = await scorecard(core)
    expect(s.runbook).toMatchObject({ location: file, kind: 'file', recordedBy: 'tester' })
    expect(criterion(s, 'Triage router', 'incident_runbook').evidence).toContain(`Runbook (file): ${file}`)
    core.close()
  })

  it('needs a second described version for the registry history', async () => {
    const core = demoCore(tempHome())
    await call(core, 'prompts.create', {
      name: 'Refund reply',
      messages: [{ role: 'user', content: 'Answer {{ticket}}' }],
      model: { provider: 'acme-openai', model: 'gpt-4o-2024-08-06' },
      message: 'First draft',
      allowNewVariables: true,
    })
    expect(await assessed(core, 'Refund reply', 'registry_history')).toMatchObject({
      met: false,
      evidence: expect.stringMatching(/^1 version by 1 author, latest v1 on 2026-/),
      nextStep: 'Save prompt changes as new versions with a message explaining each change',
    })
    core.close()
  })
})

describe('Level 2 · Automated: canary before a model switch, A/B of prompt variants, cost per segment', () => {
  it('counts a canary of the new model before its deployment, an A/B run of two versions and segment costs', async () => {
    const core = demoCore(tempHome(), fast)
    const datasetId = await demoDatasetId(core)
    const router = await versionId(core, 'Triage router', 2)
    await runToEnd(
      core,
      { promptVersionIds: [router], models: [september], datasetId, canary: { share: 0.2 } } as never,
      'router canary',
    )
    const routerPrompt = await promptNamed(core, 'Triage router')
    await call(core, 'prompts.promote', {
      promptId: routerPrompt.prompt.id,
      versionId: router,
      env: 'staging',
      reason: 'canary looked fine',
    })
    expect(await assessed(core, 'Triage router', 'canary_before_switch')).toMatchObject({
      met: true,
      evidence: expect.stringMatching(
        /^v2 moved from demo\/triage-sim-2026-03 to demo\/triage-sim-2026-09, deployed 2026-11-01; canary run "router canary" on 2026-11-01 \(sample (continued|stopped)/,
      ),
    })

    // Ticket triage goes to staging on the new model first; a canary after the fact does not count.
    const triage = await promptNamed(core, 'Ticket triage')
    const [v4, v5] = [await versionId(core, 'Ticket triage', 4), await versionId(core, 'Ticket triage', 5)]
    await call(core, 'prompts.promote', {
      promptId: triage.prompt.id,
      versionId: v5,
      env: 'staging',
      reason: 'ship it',
    })
    await runToEnd(
      core,
      { promptVersionIds: [v5], models: [september], datasetId, canary: { share: 0.2 } } as never,
      'late canary',
    )
    expect(await assessed(core, 'Ticket triage', 'canary_before_switch')).toMatchObject({
      met: false,
      evidence: expect.stringContaining(
        'deployed 2026-11-01, with no canary run of demo/triage-sim-2026-09 before it',
      ),
    })
    expect((await assessed(core, 'Ticket triage', 'ab_prompt_variants')).met).toBe(false)

    await runToEnd(core, { promptVersionIds: [v4, v5], models: [march], datasetId }, 'v4 vs v5')
    const s = await scorecard(core)
    expect(criterion(s, 'Ticket triage', 'ab_prompt_variants')).toMatchObject({
      met: true,
      evidence: 'Run "v4 vs v5" compared v4, v5 on 145 cases',
    })
    expect(criterion(s, 'Ticket triage', 'cost_per_segment')).toMatchObject({
      met: true,
      evidence: expect.stringMatching(
        /^Run "(v4 vs v5|late canary)" has prices and \d+ segments to split cost by; Compare sets that cost against revenue$/,
      ),
    })
    core.close()
  }, 60_000)
})
