import { describe, expect, it } from 'vitest'
import { createClient } from '../../../renderer/src/api'
import { selectCanSaveSuite, selectSuiteDirty } from '../../../renderer/src/stores/scoring/selectors'
import { createSuiteStore } from '../../../renderer/src/stores/scoring/suite-store'
import { createFakeCore, defaultState } from '../fixtures/fake-core'
import { makeRun } from '../fixtures/fake-runs'
import { makeMetric, makeRubric, makeSlice } from '../fixtures/fake-scoring'

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
