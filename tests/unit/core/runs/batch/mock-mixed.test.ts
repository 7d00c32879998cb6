/**
 * A batch-mode run over two models of one OpenAI account and a local server with no Batch API, with repeats
 * answered from the cache: the OpenAI calls go as one job per model, the local ones are streamed.
 */
import { describe, expect, it } from 'vitest'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import type { Run } from '../../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { allResults, jobsOf, settled } from './batch-setup'
import { acme4o, acmeMini, batchRuns, expectHalfPrice, localQwen, mockWorkspace } from './mock-batch-setup'

const tempHome = useTempHomes()
const startServer = useMockLlmServer()
const rows = 40

describe('a batch-mode run with two OpenAI models and a streamed-only local server', () => {
  it('sends one job per OpenAI model, streams the local calls, and answers repeats from the cache', async () => {
    const server = await startServer({ latencyMs: 30, recordRequests: 1000 })
    const ws = await mockWorkspace(tempHome(), server, acmeMini, rows)
    const prompt = await call<PromptDetail>(ws.core, 'prompts.create', {
      name: 'Refund triage at temperature 0',
      messages: [{ role: 'user', content: 'Ticket: {{message}}\nAnswer with one word.' }],
      model: acmeMini,
      params: { temperature: 0 },
      message: 'Deterministic',
    })
    const models = [acmeMini, acme4o, localQwen]
    const run = await call<Run>(ws.core, 'runs.start', {
      name: 'Mixed batch',
      promptVersionIds: [prompt.version.id],
      models,
      datasetId: ws.datasetId,
      repeats: 2,
      useCache: true,
      mode: 'batch',
    })
    const done = await settled(ws.core, run.id)
    expect(done.status).toBe('completed')
    const results = await allResults(ws.core, run.id)
    expect(results).toHaveLength(models.length * rows * 2)
    expect(results.every((r) => r.errorKind === null)).toBe(true)

    // One job per OpenAI model, each with the first repeat only; nothing of the local server in a job.
    const jobs = await jobsOf(ws.core, run.id)
    expect(jobs.map((j) => [j.provider, j.requests, j.state])).toEqual([
      ['acme-openai', rows, 'collected'],
      ['acme-openai', rows, 'collected'],
    ])
    const sent = server.requests.filter((r) => r.request.stream !== true)
    expect(new Set(sent.map((r) => r.request.model))).toEqual(new Set(['gpt-4o-mini', 'gpt-4o']))
    expect(batchRuns(server).size).toBe(2 * rows)

    for (const model of [acmeMini, acme4o]) {
      const mine = results.filter((r) => r.provider === model.provider && r.modelId === model.model)
      expect(mine.filter((r) => r.batch && !r.cached && r.totalMs === null)).toHaveLength(rows)
      expect(mine.filter((r) => r.cached)).toHaveLength(rows)
    }
    expectHalfPrice(done, results)

    // The local server's calls were streamed, with their latency; each request was sent once.
    const local = results.filter((r) => r.provider === localQwen.provider)
    expect(local.filter((r) => r.batch)).toHaveLength(0)
    const streamedLocal = local.filter((r) => !r.cached)
    // Streamed repeats are taken repeat-major: a second pass may start before the first pass's answer to
    // the same request is in (the stream lane has no in-flight dedupe), so a few are sent twice.
    expect(streamedLocal.length).toBeGreaterThanOrEqual(rows)
    expect(streamedLocal.length).toBeLessThan(2 * rows)
    expect(streamedLocal.every((r) => (r.totalMs ?? 0) >= 30 && r.ttftMs !== null)).toBe(true)
    const localCalls = server.requests.filter((r) => r.request.model === localQwen.model)
    expect(localCalls).toHaveLength(streamedLocal.length)
    expect(localCalls.every((r) => r.request.stream === true)).toBe(true)
    ws.core.close()
  }, 120_000)
})
