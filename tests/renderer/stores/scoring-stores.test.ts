import { describe, expect, it } from 'vitest'
import type { EvalSuite } from '../../../shared/domain/scoring'
import { createSuiteStore } from '../../../renderer/src/stores/scoring/suite-store'

/* Saving, importing and exporting are the suite editor's feature tests (features/scoring/SuiteEditor). */
describe('suite store', () => {
  const stored: EvalSuite = {
    promptId: 'p-triage',
    version: 1,
    createdAt: '2026-03-01T00:00:00.000Z',
    createdBy: 'ana',
    message: 'First',
    scorers: [
      {
        metric: 'format.json',
        label: 'Output parses as JSON',
        config: { kind: 'format', format: { check: 'json' } },
      },
    ],
    gates: [],
  }
  const schemaScorer = {
    metric: 'format.strict',
    label: 'Schema',
    config: {
      kind: 'format' as const,
      format: { check: 'json_schema' as const, schema: { type: 'object' } },
    },
  }
  const setup = () => {
    const store = createSuiteStore((promptId) => (promptId === 'p-triage' ? stored : undefined))
    store.getState().actions.show('p-triage')
    return store
  }

  it('renames a metric in the gate rules that name it; discard goes back to the stored suite', () => {
    const store = setup()
    const { actions } = store.getState()
    actions.putGate({ kind: 'max_drop', metric: 'format.json', maxDropPoints: 5 }, null)
    actions.putScorer(schemaScorer, 'format.json')
    expect(store.getState().draft?.scorers.map((s) => s.metric)).toEqual(['format.strict'])
    expect(store.getState().draft?.gates).toEqual([
      { kind: 'max_drop', metric: 'format.strict', maxDropPoints: 5 },
    ])
    actions.show('p-triage')
    expect(store.getState().draft?.scorers.map((s) => s.metric)).toEqual(['format.strict'])
    actions.setMessage('Stricter')
    actions.discard()
    expect(store.getState()).toMatchObject({ draft: null, message: '' })
  })

  it('drops a draft edited back to the stored suite, and another prompt’s draft', () => {
    const store = setup()
    const { actions } = store.getState()
    actions.putGate({ kind: 'max_p95_latency_ms', maxMs: 8000 }, null)
    expect(store.getState().draft?.gates).toHaveLength(1)
    actions.removeGate(0)
    expect(store.getState().draft).toBeNull()
    actions.putGate({ kind: 'max_p95_latency_ms', maxMs: 8000 }, null)
    actions.show('p-other')
    expect(store.getState()).toMatchObject({ promptId: 'p-other', draft: null })
  })
})
