import { describe, expect, it } from 'vitest'
import type { Run, RunResultPage } from '../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { cases, ollama, planOf, repeats, settled, userWorkspace, vllm } from './two-providers'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const page = (w: { core: Parameters<typeof call>[0] }, runId: string, filter: object = {}) =>
  call<RunResultPage>(w.core, 'runs.results', { runId, limit: 500, ...filter })

describe('a run’s results by case key', () => {
  it('names every result’s case by the key the dataset gave it, and finds a case by that key', async () => {
    const servers = [await startMock({ latencyMs: 1 }), await startMock({ latencyMs: 1 })] as const
    const w = await userWorkspace(tempHome(), servers)
    const run = await call<Run>(w.core, 'runs.start', { ...planOf(w, [ollama, vllm]), name: 'by key' })
    expect((await settled(w.core, run.id)).status).toBe('completed')

    // Each case's key as its dataset names it (generated on import here: row-0001 …), never an internal id alone.
    const all = await page(w, run.id)
    expect(all.total).toBe(2 * cases * repeats)
    expect(new Set(all.results.map((r) => r.caseKey))).toEqual(
      new Set(Array.from({ length: cases }, (_, i) => `row-${String(i + 1).padStart(4, '0')}`)),
    )

    // Typed as the gate and the CLI print it: that case's results through both providers, each repeat.
    const one = await page(w, run.id, { caseKey: 'row-0004' })
    expect(one.total).toBe(2 * repeats)
    expect(one.results.every((r) => r.caseKey === 'row-0004')).toBe(true)
    const caseId = one.results[0]?.caseId
    expect(
      await page(w, run.id, { caseKey: 'row-0004', provider: vllm.provider, modelId: vllm.model }),
    ).toMatchObject({ total: repeats })
    expect(await page(w, run.id, { caseKey: 'row-0004', caseId })).toMatchObject({ total: 2 * repeats })

    // A key the run's dataset does not have, or a key and an id of two different cases, match nothing.
    expect(await page(w, run.id, { caseKey: 'row-0404' })).toEqual({ total: 0, offset: 0, results: [] })
    const other = all.results.find((r) => r.caseKey === 'row-0005')?.caseId
    expect(await page(w, run.id, { caseKey: 'row-0004', caseId: other })).toMatchObject({ total: 0 })
  })

  it('keeps the key a case had when the run read it, after the working case is renamed', async () => {
    const servers = [await startMock({ latencyMs: 1 }), await startMock({ latencyMs: 1 })] as const
    const w = await userWorkspace(tempHome(), servers)
    const run = await call<Run>(w.core, 'runs.start', { ...planOf(w, [ollama]), name: 'before the rename' })
    expect((await settled(w.core, run.id)).status).toBe('completed')
    const before = await page(w, run.id, { caseKey: 'row-0001' })
    const caseId = before.results[0]?.caseId ?? ''
    await call(w.core, 'cases.update', { caseId, patch: { key: 'renamed' } })

    expect(await page(w, run.id, { caseKey: 'row-0001' })).toMatchObject({ total: repeats })
    expect(await page(w, run.id, { caseKey: 'renamed' })).toMatchObject({ total: 0 })
  })
})
