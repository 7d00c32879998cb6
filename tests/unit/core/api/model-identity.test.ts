import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { ProviderModels } from '../../../../shared/domain/providers'
import type { GateCheck } from '../../../../shared/domain/registry'
import type { WorkspaceScorecard } from '../../../../shared/domain/scorecard'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import { demoDatasetId } from '../scoring/helpers'
import { addLocalLlm, baselineAndGate, runOn, supportPrompt, userCore } from './user-provider'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const qwenLocal = { provider: 'local-llm', model: 'qwen2.5-7b' }

const evalGate = (check: GateCheck) => check.requirements.find((r) => r.key === 'eval_gate')

async function approveProd(core: Core, promptId: string, versionId: string): Promise<GateCheck> {
  await call(core, 'prompts.approve', { promptId, versionId, env: 'prod', comment: 'Read the outputs' })
  return call<GateCheck>(core, 'prompts.checkPromotion', { promptId, versionId, env: 'prod' })
}

describe('one identity provider/model from Settings to promotion', () => {
  it('gates and promotes a version pinned to local-llm/qwen2.5-7b, run through Settings’ local-llm', async () => {
    const server = await startMock({ seed: 1 })
    const core = userCore(tempHome())
    await addLocalLlm(core, server)
    const prompt = await supportPrompt(core, qwenLocal)
    const pinned = await runOn(core, prompt.version.id, prompt.version.model)
    expect(pinned.run.status).toBe('completed')
    expect(server.stats.byModel['qwen2.5-7b']).toBeGreaterThan(0)
    const gate = await baselineAndGate(core, prompt.prompt.id, pinned)
    expect(gate).toMatchObject({ verdict: 'pass', candidate: pinned.slice })

    const check = await approveProd(core, prompt.prompt.id, prompt.version.id)
    expect(evalGate(check)).toMatchObject({
      label: 'Passing eval gate on local-llm/qwen2.5-7b',
      satisfied: true,
      detail: expect.stringMatching(/^Gate passed on run "local-llm\/qwen2.5-7b"/),
    })
    const promoted = await call<PromptDetail>(core, 'prompts.promote', {
      promptId: prompt.prompt.id,
      versionId: prompt.version.id,
      env: 'prod',
      reason: 'Gate green on our own model',
    })
    expect(promoted.prompt.environments.prod).toBe(1)

    // The scorecard reads the same identity: a local model's tag is pinned, not a moving alias.
    const scorecard = await call<WorkspaceScorecard>(core, 'scorecard.get', {})
    const pinnedCriterion = scorecard.prompts
      .find((p) => p.name === 'Support reply')
      ?.criteria.find((c) => c.key === 'pinned_models')
    expect(pinnedCriterion).toMatchObject({ met: true, evidence: 'Pinned: v1 (prod) → local-llm/qwen2.5-7b' })
    core.close()
  }, 30_000)

  it('never contradicts a passed gate: a gate through another provider is named, with the fixes', async () => {
    const server = await startMock({ seed: 2 })
    const core = userCore(tempHome())
    await addLocalLlm(core, server)
    // Before providers could be picked, the editor offered only the legacy name for a server of one's own.
    const legacy = { provider: 'openai-compatible', model: 'qwen2.5-7b' }
    const prompt = await supportPrompt(core, legacy)
    const plan = {
      promptVersionIds: [prompt.version.id],
      models: [legacy],
      datasetId: await demoDatasetId(core),
    }
    expect(await failure(core, 'runs.plan', plan)).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Unknown provider "openai-compatible": add it in Settings → Providers',
    })
    const elsewhere = await runOn(core, prompt.version.id, qwenLocal)
    expect(await baselineAndGate(core, prompt.prompt.id, elsewhere)).toMatchObject({ verdict: 'pass' })

    const check = await approveProd(core, prompt.prompt.id, prompt.version.id)
    expect(check.allowed).toBe(false)
    const requirement = evalGate(check)
    expect(requirement).toMatchObject({
      label: 'Passing eval gate on openai-compatible/qwen2.5-7b',
      satisfied: false,
    })
    expect(requirement?.detail).toBe(
      'v1 is pinned to openai-compatible/qwen2.5-7b, but no provider is named "openai-compatible" in Settings. ' +
        'The gate passed on local-llm/qwen2.5-7b: another provider, so not evidence for the pinned model: ' +
        'add a provider named "openai-compatible" in Settings → Providers and run v1 on ' +
        'openai-compatible/qwen2.5-7b over the baseline dataset and evaluate the gate, ' +
        'or save a version pinned to local-llm/qwen2.5-7b and gate it',
    )
    const refused = await failure(core, 'prompts.promote', {
      promptId: prompt.prompt.id,
      versionId: prompt.version.id,
      env: 'prod',
      reason: 'Gate green',
    })
    expect(refused.message).toContain('The gate passed on local-llm/qwen2.5-7b')
    core.close()
  }, 30_000)

  it('lists every configured provider with the models it is known to serve', async () => {
    const server = await startMock()
    const core = userCore(tempHome())
    await addLocalLlm(core, server)
    await call(core, 'providers.save', {
      name: 'router',
      kind: 'openai-compatible',
      baseUrl: 'https://openrouter.ai/api/v1',
      concurrency: 4,
    })
    await call(core, 'prices.save', {
      provider: 'local-llm',
      model: 'llama3.1:8b',
      inputPerMTok: 0.05,
      outputPerMTok: 0.1,
    })
    await supportPrompt(core, qwenLocal)
    const models = await call<ProviderModels[]>(core, 'providers.models', {})
    expect(models.map((m) => m.provider)).toEqual(['openai', 'anthropic', 'demo', 'local-llm', 'router'])
    const of = (provider: string) => models.find((m) => m.provider === provider)?.models ?? []
    expect(of('local-llm')).toEqual([
      { id: 'qwen2.5-7b', sources: ['pinned'] },
      { id: 'llama3.1:8b', sources: ['override'] },
    ])
    expect(of('demo').map((m) => m.id)).toEqual(['triage-sim-2026-03', 'triage-sim-2026-09'])
    expect(of('openai')).toContainEqual({ id: 'gpt-4o-2024-08-06', sources: ['pinned', 'price-table'] })
    expect(of('anthropic').some((m) => m.id.startsWith('claude-'))).toBe(true)
    // A gateway the price table knows by its base URL offers its models in the gateway's own form.
    expect(of('router').some((m) => m.id === 'openai/gpt-4o')).toBe(true)
    core.close()
  })
})
