import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { GateCheck, HistoryEntry } from '../../../../shared/domain/registry'
import type { EvalSuite, GateResult } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import { quickDemoCore, runSlice, sim03, sim09, triage, type Triage } from '../scoring/gates/demo-runs'

const newHome = useTempHomes()

const approve = (core: Core, t: Triage, n: number) =>
  call(core, 'prompts.approve', {
    promptId: t.promptId,
    versionId: t.v(n),
    env: 'prod',
    comment: 'Looks right',
  })

const check = (core: Core, t: Triage, n: number, env = 'prod') =>
  call<GateCheck>(core, 'prompts.checkPromotion', { promptId: t.promptId, versionId: t.v(n), env })

const evalGate = (c: GateCheck) => c.requirements.find((r) => r.key === 'eval_gate')

/** v4 × sim-03 as the baseline and v5 × sim-09 as the candidate, both gates evaluated. */
async function gatedDemo(core: Core): Promise<{ t: Triage; pass: GateResult; fail: GateResult }> {
  const t = await triage(core)
  const base = await runSlice(core, t, 4, sim03)
  const candidate = await runSlice(core, t, 5, sim09)
  await call(core, 'baselines.set', { promptId: t.promptId, runId: base.run.id, slice: base.slice })
  const fail = await call<GateResult>(core, 'gates.evaluate', {
    runId: candidate.run.id,
    slice: candidate.slice,
  })
  const pass = await call<GateResult>(core, 'gates.evaluate', { runId: base.run.id, slice: base.slice })
  return { t, pass, fail }
}

describe('the eval gate as a promotion requirement', () => {
  it('blocks prod until the version passed its gate on its pinned model, and says how to get there', async () => {
    const core = quickDemoCore(newHome())
    const t = await triage(core)
    await approve(core, t, 5)
    expect(evalGate(await check(core, t, 5))).toEqual({
      key: 'eval_gate',
      label: 'Passing eval gate on demo/triage-sim-2026-09',
      satisfied: false,
      overridable: true,
      detail:
        'No eval gate for v5 on demo/triage-sim-2026-09 yet: run v5 on demo/triage-sim-2026-09 over the baseline dataset and evaluate the gate',
    })
    expect((await check(core, t, 5, 'staging')).requirements).toEqual([])
    core.close()
  })

  it('blocks v5 after its gate failed, listing the failed rules, and promotes v4 whose gate passed', async () => {
    const core = quickDemoCore(newHome())
    const { t, pass } = await gatedDemo(core)
    await approve(core, t, 5)
    const v5 = await check(core, t, 5)
    expect(v5.allowed).toBe(false)
    expect(evalGate(v5)?.detail).toMatch(
      /^The latest eval gate for v5 on demo\/triage-sim-2026-09 \(run "v5 × triage-sim-2026-09" at .*\) is fail: format\.json_schema pass rate ≥ 99 %/,
    )
    const refused = await failure(core, 'prompts.promote', {
      promptId: t.promptId,
      versionId: t.v(5),
      env: 'prod',
      reason: 'Newer model',
    })
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.message).toMatch(
      /cannot be promoted to prod: Passing eval gate .*\(eval_gate\).*may be overridden/,
    )

    await approve(core, t, 4)
    const v4 = await check(core, t, 4)
    expect(v4.allowed).toBe(true)
    expect(evalGate(v4)).toMatchObject({
      satisfied: true,
      detail: `Gate passed on run "v4 × triage-sim-2026-03" at ${pass.createdAt}`,
    })
    const promoted = await call<PromptDetail>(core, 'prompts.promote', {
      promptId: t.promptId,
      versionId: t.v(4),
      env: 'prod',
      reason: 'Offline evals green',
    })
    expect(promoted.prompt.environments.prod).toBe(4)
    core.close()
  })

  it('lets an unmet gate be overridden with a recorded reason, but never a missing approval', async () => {
    const home = newHome()
    const core = quickDemoCore(home)
    const { t } = await gatedDemo(core)
    const promote = (extra: Record<string, unknown>) => ({
      promptId: t.promptId,
      versionId: t.v(5),
      env: 'prod',
      reason: 'Customer escalation needs the new model',
      ...extra,
    })
    const noApproval = await failure(core, 'prompts.promote', promote({ overrideGateReason: 'Hotfix' }))
    expect(noApproval.code).toBe('FORBIDDEN')
    expect(noApproval.message).toMatch(/\(approval\)/)
    expect(noApproval.message).not.toMatch(/eval_gate/)

    await approve(core, t, 5)
    const detail = await call<PromptDetail>(
      core,
      'prompts.promote',
      promote({ overrideGateReason: 'Format errors are retried by the caller' }),
    )
    expect(detail.prompt.environments.prod).toBe(5)
    const [latest] = await call<HistoryEntry[]>(core, 'prompts.history', { promptId: t.promptId })
    expect(latest).toMatchObject({
      action: 'env.promoted',
      versionNumber: 5,
      text: 'Customer escalation needs the new model (eval gate overridden: Format errors are retried by the caller)',
    })
    core.close()

    const db = new Database(join(home, 'evallab.db'), { readonly: true })
    const row = db
      .prepare<[], { details: string }>("SELECT details FROM audit_log WHERE action = 'env.promoted'")
      .get()
    db.close()
    expect(JSON.parse(row?.details ?? '{}')).toMatchObject({
      reason: 'Customer escalation needs the new model',
      overrideGateReason: 'Format errors are retried by the caller',
      overridden: [{ key: 'eval_gate', detail: expect.stringMatching(/is fail/) }],
    })
  })

  it('lets the latest gate of the version on its model decide, and ignores gates on other models', async () => {
    const core = quickDemoCore(newHome())
    const { t } = await gatedDemo(core)
    await approve(core, t, 4)
    expect((await check(core, t, 4)).allowed).toBe(true)

    // A stricter suite: the category rule alone must pass 99 % of the cases, which sim-03 does not.
    const suite = await call<EvalSuite>(core, 'suites.get', { promptId: t.promptId })
    await call(core, 'suites.save', {
      promptId: t.promptId,
      suite: { scorers: suite.scorers, gates: [{ kind: 'min_score', metric: 'rule.category', min: 0.99 }] },
      message: 'Stricter category gate',
    })
    const base = (await call<GateResult[]>(core, 'gates.list', { promptId: t.promptId }))[0]
    const stricter = await call<GateResult>(core, 'gates.evaluate', {
      runId: base?.candidateRunId,
      slice: base?.candidate,
    })
    expect(stricter).toMatchObject({ verdict: 'fail', suiteVersion: 2 })
    expect(evalGate(await check(core, t, 4))).toMatchObject({ satisfied: false })

    // A pass of v4 on the other simulated model does not count: v4 is pinned to sim-03.
    const other = await runSlice(core, t, 4, sim09)
    const cheap = [{ kind: 'max_cost_per_interaction', maxUsd: 0.01 }]
    await call(core, 'suites.save', {
      promptId: t.promptId,
      suite: { scorers: suite.scorers, gates: cheap },
      message: 'x',
    })
    const elsewhere = await call<GateResult>(core, 'gates.evaluate', {
      runId: other.run.id,
      slice: other.slice,
    })
    expect(elsewhere.verdict).toBe('pass')
    expect(evalGate(await check(core, t, 4))).toMatchObject({ satisfied: false })
    core.close()
  })
})
