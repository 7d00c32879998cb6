import { describe, expect, it } from 'vitest'
import { resultPreviewChars, type ResultRowPage } from '../../../../shared/domain/result-rows'
import type { Run, RunResultPage, RunResultRow } from '../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import { cases, ollama, planOf, repeats, settled, userWorkspace, vllm } from '../runs/two-providers'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

type Core = Parameters<typeof call>[0]
const rows = (core: Core, runId: string, filter: object = {}) =>
  call<ResultRowPage>(core, 'runs.resultRows', { runId, limit: 500, ...filter })
const full = (core: Core, runId: string, filter: object = {}) =>
  call<RunResultPage>(core, 'runs.results', { runId, limit: 500, ...filter })

async function finishedRun() {
  const servers = [await startMock({ latencyMs: 1 }), await startMock({ latencyMs: 1 })] as const
  const w = await userWorkspace(tempHome(), servers)
  const run = await call<Run>(w.core, 'runs.start', { ...planOf(w, [ollama, vllm]), name: 'grid rows' })
  expect((await settled(w.core, run.id)).status).toBe('completed')
  return { w, run }
}

/** What the grid shows of a full result, as the light page must carry it. */
function gridColumnsOf(r: RunResultRow) {
  const text = r.errorKind === null ? r.responseText : r.errorMessage
  return {
    runId: r.runId,
    caseId: r.caseId,
    caseKey: r.caseKey,
    promptVersionId: r.promptVersionId,
    provider: r.provider,
    modelId: r.modelId,
    repeat: r.repeat,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    costUsd: r.costUsd,
    totalMs: r.totalMs,
    attempts: r.attempts,
    errorKind: r.errorKind,
    cached: r.cached,
    batch: r.batch,
    preview: text === null ? null : text.trimStart().slice(0, resultPreviewChars),
  }
}

describe('the results grid’s light rows', () => {
  it('carry the grid’s columns of the same results, in the same order, under the same filters', async () => {
    const { w, run } = await finishedRun()
    const light = await rows(w.core, run.id)
    const heavy = await full(w.core, run.id)
    expect(light.total).toBe(2 * cases * repeats)
    expect(light.results).toEqual(heavy.results.map(gridColumnsOf))
    expect(light.results[0]).not.toHaveProperty('request')
    expect(light.results[0]).not.toHaveProperty('attemptLog')

    for (const filter of [
      { caseKey: 'row-0004' },
      { provider: vllm.provider, modelId: vllm.model },
      { status: 'ok', offset: 5, limit: 7 },
      { caseKey: 'row-0404' },
    ]) {
      const page = await rows(w.core, run.id, filter)
      const expected = await full(w.core, run.id, filter)
      expect(page).toEqual({ ...expected, results: expected.results.map(gridColumnsOf) })
    }
    // A page is a fraction of the full page's bytes: no request messages, params or attempt log.
    expect(JSON.stringify(light).length).toBeLessThan(JSON.stringify(heavy).length / 2)
  })

  it('open one full result by its identity, and name a missing one NOT_FOUND', async () => {
    const { w, run } = await finishedRun()
    const heavy = await full(w.core, run.id, { provider: vllm.provider, modelId: vllm.model })
    const wanted = heavy.results[3]
    if (!wanted) throw new Error('expected results')
    const { runId, caseId, promptVersionId, provider, modelId, repeat } = wanted
    const key = { runId, caseId, promptVersionId, provider, modelId, repeat }
    expect(await call<RunResultRow>(w.core, 'runs.result', key)).toEqual(wanted)
    // The same case and model through the other provider is another result.
    const other = await call<RunResultRow>(w.core, 'runs.result', { ...key, provider: ollama.provider })
    expect(other.provider).toBe(ollama.provider)
    expect(other.caseKey).toBe(wanted.caseKey)
    expect((await failure(w.core, 'runs.result', { ...key, repeat: 99 })).code).toBe('NOT_FOUND')
  })

  it('are announced per run: each batch a run writes names that run in its db.changed', async () => {
    const servers = [await startMock({ latencyMs: 1 }), await startMock({ latencyMs: 1 })] as const
    const w = await userWorkspace(tempHome(), servers)
    const changes: { tables: string[]; runIds?: string[] }[] = []
    w.core.bus.subscribe((event, payload) => {
      if (event === 'db.changed') changes.push(payload as (typeof changes)[number])
    })
    const run = await call<Run>(w.core, 'runs.start', { ...planOf(w, [ollama]), name: 'announced' })
    expect((await settled(w.core, run.id)).status).toBe('completed')
    const writes = changes.filter((c) => c.tables.includes('run_results') && c.runIds)
    expect(writes.length).toBeGreaterThan(0)
    expect(writes.every((c) => c.runIds?.length === 1 && c.runIds[0] === run.id)).toBe(true)
  })
})
