import { describe, expect, it } from 'vitest'
import { createClient, createMemoryTransport } from '../../../renderer/src/api'
import { createRubricsStore } from '../../../renderer/src/stores/scoring/rubrics-store'
import { selectCanSaveSuite, selectSuiteDirty } from '../../../renderer/src/stores/scoring/selectors'
import { createSuiteStore } from '../../../renderer/src/stores/scoring/suite-store'
import { createSummaryStore } from '../../../renderer/src/stores/scoring/summary-store'
import { sliceId } from '../../../shared/lib/model-identity'
import { createFakeCore, deferred, defaultState } from '../fixtures/fake-core'
import { makeRun } from '../fixtures/fake-runs'
import { makeMetric, makeRubric, makeSlice, rubricDraft } from '../fixtures/fake-scoring'

const slice = { promptVersionId: 'p-triage-v1', provider: 'demo', modelId: 'triage-sim-2026-03' }

function setup() {
  const state = defaultState()
  state.runs = [makeRun('r1')]
  state.rubrics = [makeRubric()]
  state.scoredSummaries = {
    r1: {
      runId: 'r1',
      suiteVersion: 1,
      slices: [
        makeSlice('p-triage-v1', 'triage-sim-2026-03', {
          metrics: [makeMetric('format.json', { value: 0.97 })],
        }),
      ],
    },
  }
  const core = createFakeCore(state)
  const client = createClient(core.transport)
  const calls = (method: string) => core.transport.calls.filter((c) => c.method === method)
  return { state, core, client, calls }
}

describe('summary store', () => {
  it('loads an unscored summary, then scores the run and shows the scored one', async () => {
    const { client, calls } = setup()
    const store = createSummaryStore(client)
    const { actions } = store.getState()
    await actions.open('r1')
    expect(store.getState().summary?.slices[0]?.metrics).toEqual([])
    const scoring = actions.score()
    expect(store.getState().scoring.status).toBe('busy')
    expect(await scoring).toBe(true)
    expect(store.getState().scoring.status).toBe('idle')
    expect(store.getState().summary?.slices[0]?.metrics[0]).toMatchObject({
      metric: 'format.json',
      value: 0.97,
    })
    expect(calls('runs.score').map((c) => c.input)).toEqual([{ runId: 'r1' }])
  })

  it('drops a summary that arrives after another run was opened', async () => {
    const { core } = setup()
    core.state.runs!.push(makeRun('r2'))
    const slow = deferred<void>()
    const summary = core.handlers['runs.summary']!
    const transport = createMemoryTransport({
      ...core.handlers,
      'runs.summary': async (input) => {
        if (input.runId === 'r1') await slow.promise
        return summary(input)
      },
    })
    const store = createSummaryStore(createClient(transport))
    const first = store.getState().actions.open('r1')
    await store.getState().actions.open('r2')
    slow.resolve()
    await first
    expect(store.getState().runId).toBe('r2')
    expect(store.getState().summary?.runId).toBe('r2')
  })

  it('keeps a gate result per slice and reports a refusal on that slice only', async () => {
    const { client, state } = setup()
    state.gateOutcomes = {
      'p-triage-v1|demo|triage-sim-2026-03': {
        verdict: 'fail',
        rules: [
          {
            rule: { kind: 'min_score', metric: 'format.json', min: 0.99 },
            label: 'format.json pass rate ≥ 99 %',
            verdict: 'fail',
            candidate: 0.97,
            baseline: null,
            delta: null,
            deltaCi95: null,
            test: null,
            warning: null,
            explanation: '97 % of outputs are JSON',
            failingCases: [{ caseId: 'c1', caseKey: 'tkt-1', detail: 'not JSON' }],
          },
        ],
      },
    }
    const store = createSummaryStore(client)
    await store.getState().actions.open('r1')
    const result = await store.getState().actions.evaluateGate(slice)
    expect(result?.verdict).toBe('fail')
    expect(store.getState().gates[sliceId(slice)]?.result?.rules[0]?.failingCases).toHaveLength(1)
    const other = { ...slice, modelId: 'unknown-model' }
    expect(await store.getState().actions.evaluateGate({ ...other, promptVersionId: 'nope' })).toBeNull()
    const gates = store.getState().gates
    expect(gates[sliceId({ ...other, promptVersionId: 'nope' })]?.submit.error?.code).toBe('NOT_FOUND')
    expect(gates[sliceId(slice)]?.submit.status).toBe('idle')
  })

  it('sets a baseline and restores the last gate result from the prompt’s gate history', async () => {
    const { client } = setup()
    const store = createSummaryStore(client)
    await store.getState().actions.open('r1')
    expect(await store.getState().actions.setBaseline('p-triage', slice)).toBe(true)
    expect(store.getState().baselines['p-triage']).toMatchObject([
      { runId: 'r1', slice, datasetSnapshotId: 'snap-1' },
    ])
    await store.getState().actions.evaluateGate(slice)

    const fresh = createSummaryStore(client)
    await fresh.getState().actions.open('r1')
    await fresh.getState().actions.ensureEvidence('p-triage')
    expect(fresh.getState().gates[sliceId(slice)]?.result?.verdict).toBe('pass')
    expect(fresh.getState().baselines['p-triage']).toHaveLength(1)
  })
})

describe('suite store', () => {
  const schemaScorer = {
    metric: 'format.json_schema',
    label: 'Schema',
    config: {
      kind: 'format' as const,
      format: { check: 'json_schema' as const, schema: { type: 'object' } },
    },
  }

  it('edits a draft and saves it as the next version with a message', async () => {
    const { client, calls } = setup()
    const store = createSuiteStore(client)
    const { actions } = store.getState()
    await actions.open('p-triage')
    expect(store.getState().suite?.version).toBe(0)
    expect(selectSuiteDirty(store.getState())).toBe(false)
    actions.putScorer(schemaScorer, null)
    actions.putGate({ kind: 'min_score', metric: 'format.json_schema', min: 0.99 }, null)
    expect(selectSuiteDirty(store.getState())).toBe(true)
    expect(selectCanSaveSuite(store.getState())).toBe(false)
    actions.setMessage('Check the schema')
    expect(selectCanSaveSuite(store.getState())).toBe(true)
    expect(await actions.save()).toBe(true)
    expect(calls('suites.save')[0]?.input).toEqual({
      promptId: 'p-triage',
      message: 'Check the schema',
      suite: {
        scorers: [
          {
            metric: 'format.json',
            label: 'Output parses as JSON',
            config: { kind: 'format', format: { check: 'json' } },
          },
          schemaScorer,
        ],
        gates: [{ kind: 'min_score', metric: 'format.json_schema', min: 0.99 }],
      },
    })
    expect(store.getState().suite?.version).toBe(1)
    expect(store.getState().message).toBe('')
    expect(selectSuiteDirty(store.getState())).toBe(false)
  })

  it('renames a metric in the gate rules that name it, and keeps a draft across a refresh', async () => {
    const { client } = setup()
    const store = createSuiteStore(client)
    const { actions } = store.getState()
    await actions.open('p-triage')
    actions.putGate({ kind: 'max_drop', metric: 'format.json', maxDropPoints: 5 }, null)
    actions.putScorer({ ...schemaScorer, metric: 'format.strict' }, 'format.json')
    expect(store.getState().draft.scorers.map((s) => s.metric)).toEqual(['format.strict'])
    expect(store.getState().draft.gates).toEqual([
      { kind: 'max_drop', metric: 'format.strict', maxDropPoints: 5 },
    ])
    await actions.open('p-triage')
    expect(store.getState().draft.scorers.map((s) => s.metric)).toEqual(['format.strict'])
    actions.discard()
    expect(store.getState().draft.scorers.map((s) => s.metric)).toEqual(['format.json'])
  })

  it('imports a file as the next version and shows the core’s refusal of a bad one', async () => {
    const { client } = setup()
    const store = createSuiteStore(client)
    await store.getState().actions.open('p-triage')
    expect(
      await store.getState().actions.importFile('{"scorers":[],"gates":[{"kind":"max_error_rate","max":2}]}'),
    ).toBe(false)
    expect(store.getState().transfer.error?.message).toMatch(/gates\.0\.max/)
    expect(await store.getState().actions.importFile('{"scorers":[],"gates":[]}')).toBe(true)
    expect(store.getState().suite?.version).toBe(1)
    expect(store.getState().draft).toEqual({ scorers: [], gates: [] })
    const file = await store.getState().actions.exportFile()
    expect(file?.fileName).toBe('p-triage.suite.json')
  })
})

describe('rubrics store', () => {
  it('lists the latest versions and saves a change as a new version', async () => {
    const { client } = setup()
    const store = createRubricsStore(client)
    await store.getState().actions.ensureLoaded()
    expect(store.getState().list.map((r) => [r.key, r.version])).toEqual([['triage-quality', 1]])
    const saved = await store
      .getState()
      .actions.save({ ...rubricDraft(makeRubric()), description: 'Sharper' })
    expect(saved?.version).toBe(2)
    expect(store.getState().list.map((r) => [r.key, r.version])).toEqual([['triage-quality', 2]])
    expect(store.getState().save.status).toBe('done')
  })
})
