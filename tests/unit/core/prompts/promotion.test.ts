import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { PromotionRequirement } from '../../../../electron/main/core/prompts/promotion'
import type { PromptDetail, PromptSummary } from '../../../../shared/domain/prompts'
import type { Approval, GateCheck, HistoryEntry } from '../../../../shared/domain/registry'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure, promptNamed } from '../core-calls'

const newHome = useTempHomes()

/** Ticket triage has v1..v3; returns its id and version ids by number. */
async function triage(core: Core) {
  const detail = await promptNamed(core, 'Ticket triage')
  const v = (n: number) => detail.versions.find((x) => x.number === n)?.id ?? ''
  return { promptId: detail.prompt.id, v1: v(1), v2: v(2), v3: v(3) }
}

/** These tests are about approvals and pointers: the eval gate (promotion-gate.test.ts) is overridden. */
async function approveAndPromote(core: Core, promptId: string, versionId: string, env = 'prod') {
  await call<Approval>(core, 'prompts.approve', { promptId, versionId, env, comment: 'Checked the evals' })
  return call<PromptDetail>(core, 'prompts.promote', {
    promptId,
    versionId,
    env,
    reason: 'Ship it',
    overrideGateReason: 'No eval run in this test',
  })
}

describe('promotion gate', () => {
  it('requires a recorded approval of the version for prod, and records who, when and why', async () => {
    const core = demoCore(newHome())
    const { promptId, v3 } = await triage(core)
    const before = await call<GateCheck>(core, 'prompts.checkPromotion', {
      promptId,
      versionId: v3,
      env: 'prod',
    })
    expect(before).toMatchObject({
      allowed: false,
      requirements: [
        { key: 'approval', satisfied: false, overridable: false },
        { key: 'eval_gate', satisfied: false, overridable: true },
      ],
    })

    const refused = await failure(core, 'prompts.promote', {
      promptId,
      versionId: v3,
      env: 'prod',
      reason: 'go',
    })
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.message).toMatch(
      /v3 of "Ticket triage" cannot be promoted to prod: .*\(approval\).*approved v3/,
    )
    expect(refused.details).toMatchObject({ allowed: false, env: 'prod', versionId: v3 })

    const approval = await call<Approval>(core, 'prompts.approve', {
      promptId,
      versionId: v3,
      env: 'prod',
      comment: 'Evals green',
    })
    expect(approval).toMatchObject({
      approver: 'tester',
      versionNumber: 3,
      env: 'prod',
      comment: 'Evals green',
    })
    const after = await call<GateCheck>(core, 'prompts.checkPromotion', {
      promptId,
      versionId: v3,
      env: 'prod',
    })
    expect(after.requirements[0]).toMatchObject({ satisfied: true })
    expect(after.requirements[0]?.detail).toMatch(/Approved by tester .*Evals green/)

    const detail = await call<PromptDetail>(core, 'prompts.promote', {
      promptId,
      versionId: v3,
      env: 'prod',
      reason: 'Tier-aware rules pass the golden set',
      overrideGateReason: 'No eval run in this test',
    })
    expect(detail.version.number).toBe(3)
    expect(detail.environments).toEqual([
      { env: 'prod', versionId: v3, versionNumber: 3, updatedAt: expect.any(String), updatedBy: 'tester' },
    ])
    expect(detail.prompt.environments).toEqual({ staging: null, prod: 3 })
    core.close()
  })

  it('lets any version into staging without approval', async () => {
    const core = demoCore(newHome())
    const { promptId, v2 } = await triage(core)
    const check = await call<GateCheck>(core, 'prompts.checkPromotion', {
      promptId,
      versionId: v2,
      env: 'staging',
    })
    expect(check).toEqual({ env: 'staging', versionId: v2, allowed: true, requirements: [] })
    await call(core, 'prompts.promote', { promptId, versionId: v2, env: 'staging', reason: 'Try it' })
    const list = await call<PromptSummary[]>(core, 'prompts.list', {})
    expect(list.find((p) => p.id === promptId)?.environments).toEqual({ staging: 2, prod: null })
    core.close()
  })

  it('stores nothing for a blocked promotion, an approval of staging or a repeated promotion', async () => {
    const core = demoCore(newHome())
    const { promptId, v2, v3 } = await triage(core)
    const history = await call<HistoryEntry[]>(core, 'prompts.history', { promptId })
    await call(core, 'prompts.approve', { promptId, versionId: v3, env: 'staging', comment: 'staging only' })
    expect(
      (await failure(core, 'prompts.promote', { promptId, versionId: v3, env: 'prod', reason: 'x' })).code,
    ).toBe('FORBIDDEN')
    const detail = await call<PromptDetail>(core, 'prompts.get', { id: promptId })
    expect(detail.environments).toEqual([])
    expect(await call<HistoryEntry[]>(core, 'prompts.history', { promptId })).toHaveLength(history.length + 1)

    await call(core, 'prompts.promote', { promptId, versionId: v2, env: 'staging', reason: 'first' })
    const again = await failure(core, 'prompts.promote', {
      promptId,
      versionId: v2,
      env: 'staging',
      reason: 'x',
    })
    expect(again).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'staging of "Ticket triage" already points at v2',
    })
    core.close()
  })

  it('refuses a second approval by the same person and versions of another prompt', async () => {
    const core = demoCore(newHome())
    const { promptId, v3 } = await triage(core)
    const drafter = await promptNamed(core, 'Reply drafter')
    await call(core, 'prompts.approve', { promptId, versionId: v3, env: 'prod', comment: 'ok' })
    const twice = await failure(core, 'prompts.approve', {
      promptId,
      versionId: v3,
      env: 'prod',
      comment: 'ok',
    })
    expect(twice.message).toBe('tester already approved v3 for prod')
    const foreign = { promptId, versionId: drafter.version.id, env: 'staging', reason: 'x' }
    expect((await failure(core, 'prompts.promote', foreign)).code).toBe('NOT_FOUND')
    core.close()
  })

  it('takes extra requirements passed in where handlers are created, without changing callers', async () => {
    const evalGate: PromotionRequirement = (request) => ({
      key: 'eval',
      label: 'Eval gate',
      satisfied: false,
      detail: `no passing run for ${request.env}`,
      overridable: false,
    })
    const core = demoCore(newHome(), { promotionRequirements: [evalGate] })
    const { promptId, v3 } = await triage(core)
    const refused = await failure(core, 'prompts.promote', {
      promptId,
      versionId: v3,
      env: 'staging',
      reason: 'x',
    })
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Eval gate \(eval\)/) })
    await call(core, 'prompts.approve', { promptId, versionId: v3, env: 'prod', comment: 'ok' })
    const prod = await call<GateCheck>(core, 'prompts.checkPromotion', {
      promptId,
      versionId: v3,
      env: 'prod',
    })
    expect(prod.requirements.map((r) => [r.key, r.satisfied])).toEqual([
      ['approval', true],
      ['eval_gate', false],
      ['eval', false],
    ])
    core.close()
  })
})

describe('rollback', () => {
  it('points prod back at a version it ran before, in one recorded action, without a new approval', async () => {
    const core = demoCore(newHome())
    const { promptId, v1, v3 } = await triage(core)
    await approveAndPromote(core, promptId, v1)
    await approveAndPromote(core, promptId, v3)
    const detail = await call<PromptDetail>(core, 'prompts.rollback', {
      promptId,
      env: 'prod',
      toVersionId: v1,
      reason: 'v3 over-escalates free tier',
    })
    expect(detail.version.number).toBe(1)
    expect(detail.prompt.environments.prod).toBe(1)
    const [latest] = await call<HistoryEntry[]>(core, 'prompts.history', { promptId })
    expect(latest).toMatchObject({
      action: 'env.rolled_back',
      env: 'prod',
      versionNumber: 1,
      fromVersionNumber: 3,
      actor: 'tester',
      text: 'v3 over-escalates free tier',
    })
    core.close()
  })

  it('rolls back to any earlier version in one action, even one that never ran in that environment', async () => {
    const core = demoCore(newHome())
    const { promptId, v1, v2 } = await triage(core)
    await approveAndPromote(core, promptId, v2)
    const detail = await call<PromptDetail>(core, 'prompts.rollback', {
      promptId,
      env: 'prod',
      toVersionId: v1,
      reason: 'r',
    })
    expect(detail.prompt.environments.prod).toBe(1)
    core.close()
  })

  it('refuses an environment never promoted, the current version and a newer one', async () => {
    const core = demoCore(newHome())
    const { promptId, v1, v3 } = await triage(core)
    const rollback = (env: string, toVersionId: string) =>
      failure(core, 'prompts.rollback', { promptId, env, toVersionId, reason: 'r' })
    expect((await rollback('prod', v1)).message).toMatch(/prod of "Ticket triage" has never been promoted to/)
    await approveAndPromote(core, promptId, v1)
    await approveAndPromote(core, promptId, v3)
    expect((await rollback('prod', v3)).message).toBe(
      'Cannot roll prod back to v3: prod already points at it',
    )
    await call(core, 'prompts.rollback', { promptId, env: 'prod', toVersionId: v1, reason: 'r' })
    const newer = await rollback('prod', v3)
    expect(newer).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/newer than v1.*Promote/),
    })
    core.close()
  })
})

describe('history', () => {
  it('lists versions, approvals, promotions and rollbacks newest first', async () => {
    const core = demoCore(newHome())
    const { promptId, v1, v3 } = await triage(core)
    await approveAndPromote(core, promptId, v1)
    await call(core, 'prompts.promote', { promptId, versionId: v3, env: 'staging', reason: 'Try v3' })
    const history = await call<HistoryEntry[]>(core, 'prompts.history', { promptId })
    expect(history.map((h) => [h.action, h.versionNumber, h.env])).toEqual([
      ['env.promoted', 3, 'staging'],
      ['env.promoted', 1, 'prod'],
      ['approval.recorded', 1, 'prod'],
      ['version.created', 5, null],
      ['version.created', 4, null],
      ['version.created', 3, null],
      ['version.created', 2, null],
      ['version.created', 1, null],
      ['prompt.created', 1, null],
    ])
    expect(history[1]?.text).toBe('Ship it (eval gate overridden: No eval run in this test)')
    expect(history[2]?.text).toBe('Checked the evals')
    expect(history[5]?.text).toMatch(/^Tier-aware priority rules/)
    expect(history.map((h) => h.id)).toEqual([...history.map((h) => h.id)].sort((a, b) => b - a))
    expect((await failure(core, 'prompts.history', { promptId: 'prm_missing' })).code).toBe('NOT_FOUND')
    core.close()
  })
})
