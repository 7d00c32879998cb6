import { describe, expect, it } from 'vitest'
import { createClient, createMemoryTransport } from '../../../renderer/src/api'
import { defaultRunName, modelOptions, planOf } from '../../../renderer/src/stores/runs/new-run-plan'
import { createNewRunStore, planContext } from '../../../renderer/src/stores/runs/new-run-store'
import type { RunPlan } from '../../../shared/domain/runs'
import { parseModelKey } from '../../../shared/lib/model-ref'
import { createFakeCore, deferred, defaultState, version } from '../fixtures/fake-core'
import { seedDataset } from '../fixtures/fake-datasets'

const flush = (ms = 0) => new Promise((r) => setTimeout(r, ms))

function setup(slowPlan?: (plan: RunPlan) => Promise<void> | undefined) {
  const state = defaultState()
  seedDataset(state, 'ds-1', 20)
  state.prompts[1]!.versions.push(
    version('p-triage', 2, 'Classify: {{ticket}}', {
      model: { provider: 'anthropic', model: 'claude-3-5-haiku-20241022' },
    }),
  )
  const core = createFakeCore(state)
  const plan = core.handlers['runs.plan']!
  const transport = createMemoryTransport({
    ...core.handlers,
    'runs.plan': async (input) => {
      await slowPlan?.(input)
      return plan(input)
    },
  })
  const started: string[] = []
  const store = createNewRunStore(createClient(transport), {
    delayMs: 20,
    onStarted: (run) => started.push(run.id),
  })
  const planCalls = () =>
    transport.calls.filter((c) => c.method === 'runs.plan').map((c) => c.input as RunPlan)
  return { store, transport, planCalls, started, actions: store.getState().actions }
}

describe('new run form', () => {
  it('checks the latest version and its pinned model, never a stand-in the user did not choose', async () => {
    const { store, actions } = setup()
    actions.begin({ promptId: 'p-reply', datasetId: 'ds-1' })
    await flush()
    expect(store.getState().form.versionIds).toEqual(['p-reply-v2'])
    // p-reply pins openai/gpt-4o-mini: checked even without a key (the form says the key is missing).
    expect(store.getState().form.modelKeys).toEqual(['openai/gpt-4o-mini'])

    // A prompt the user picks starts with nothing checked: no box changes after they start choosing.
    await actions.setPrompt('p-triage')
    expect(store.getState().prompt?.prompt.id).toBe('p-triage')
    expect(store.getState().form.versionIds).toEqual([])
    expect(store.getState().form.modelKeys).toEqual([])
  })

  it('offers the model a checked version pins, without checking it', async () => {
    const { store, actions } = setup()
    actions.begin({ promptId: 'p-triage', datasetId: 'ds-1' })
    await flush()
    await actions.toggleVersion('p-triage-v1')
    const s = store.getState()
    expect(s.versionModels['p-triage-v1']).toEqual({ provider: 'openai', model: 'gpt-4o-mini' })
    expect(s.form.modelKeys).toEqual(['anthropic/claude-3-5-haiku-20241022'])
  })

  it('builds the plan from versions, models, dataset, repeats, concurrency and cache', async () => {
    const { store, actions } = setup()
    actions.begin({ promptId: 'p-triage', datasetId: 'ds-1' })
    await flush()
    await actions.toggleVersion('p-triage-v1')
    actions.toggleModel('demo/triage-sim-2026-09')
    expect(actions.addModel('ollama llama3')).toBe(false)
    expect(store.getState().addModelError).toMatch(/provider\/model/)
    expect(actions.addModel('ollama/llama3.1:8b')).toBe(true)
    actions.setField('repeats', '2')
    actions.setField('concurrency', '3')
    actions.setUseCache(false)
    actions.setMode('batch')
    const s = store.getState()
    const ctx = planContext(s)
    expect(planOf(s.form, ctx)).toEqual({
      problems: [],
      plan: {
        promptVersionIds: ['p-triage-v1', 'p-triage-v2'],
        models: [
          // openai/gpt-4o-mini (pinned by v1) is offered but was not checked.
          { provider: 'anthropic', model: 'claude-3-5-haiku-20241022' },
          { provider: 'demo', model: 'triage-sim-2026-09' },
          { provider: 'ollama', model: 'llama3.1:8b' },
        ],
        datasetId: 'ds-1',
        repeats: 2,
        mode: 'batch',
        useCache: false,
        concurrency: { anthropic: 3, demo: 3, ollama: 3 },
      },
    })

    actions.setField('repeats', '11')
    expect(planOf(store.getState().form, ctx).problems).toEqual([
      'Repeats must be a whole number from 1 to 10.',
    ])
  })

  it('asks for an estimate once after a burst of changes, and shows only the latest reply', async () => {
    const gate = deferred<void>()
    const { store, actions, planCalls } = setup((plan) => (plan.repeats === 1 ? gate.promise : undefined))
    actions.begin({ promptId: 'p-triage', datasetId: 'ds-1' })
    await flush(40)
    expect(planCalls()).toHaveLength(1)
    expect(store.getState().estimateLoad.status).toBe('loading')

    actions.setField('repeats', '2')
    actions.setField('repeats', '3')
    await flush(40)
    expect(planCalls().map((p) => p.repeats)).toEqual([1, 3])
    expect(store.getState().estimate?.calls).toBe(60)

    gate.resolve()
    await flush()
    expect(store.getState().estimate?.calls).toBe(60)
    expect(store.getState().estimateLoad.status).toBe('ready')
  })

  it('shows the core refusal of a plan and starts the run with the default name', async () => {
    const { store, actions, transport, started } = setup()
    actions.begin({ promptId: 'p-triage', datasetId: 'ds-missing' })
    await flush(40)
    expect(store.getState().estimateLoad.error?.message).toContain('No dataset with id ds-missing')

    actions.setDataset('ds-1')
    await flush(40)
    expect(store.getState().estimate?.calls).toBe(20)
    const run = await actions.start()
    expect(run?.name).toBe('Triage v2 × claude-3-5-haiku-20241022')
    expect(started).toEqual([run?.id])
    expect(transport.calls.find((c) => c.method === 'runs.start')?.input).toMatchObject({
      name: 'Triage v2 × claude-3-5-haiku-20241022',
      promptVersionIds: ['p-triage-v2'],
      datasetId: 'ds-1',
    })
  })

  it('names, parses and lists models', () => {
    expect(
      defaultRunName(
        'Ticket triage',
        [3, 2],
        [
          { provider: 'demo', model: 'a' },
          { provider: 'demo', model: 'b' },
        ],
      ),
    ).toBe('Ticket triage v2,v3 × 2 models')
    expect(parseModelKey('openrouter/meta-llama/llama-3')).toEqual({
      provider: 'openrouter',
      model: 'meta-llama/llama-3',
    })
    expect(parseModelKey('/x')).toBeNull()
    expect(parseModelKey('Bad Name/x')).toBeNull()
    const options = modelOptions(
      [
        { number: 2, model: { provider: 'openai', model: 'gpt-4o' } },
        { number: 1, model: { provider: 'openai', model: 'gpt-4o' } },
      ],
      [{ provider: 'demo', model: 'triage-sim-2026-03' }],
    )
    expect(options.map((o) => [o.key, o.source, o.pinnedBy])).toEqual([
      ['openai/gpt-4o', 'pinned', [1, 2]],
      ['demo/triage-sim-2026-03', 'simulated', []],
      ['demo/triage-sim-2026-09', 'simulated', []],
    ])
  })
})
