/** Repeats in batch mode while items fail: a repeat waits for its request's answer, or is sent itself. */
import { describe, expect, it } from 'vitest'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import type { Run } from '../../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { allResults, jobsOf, settled } from './batch-setup'
import { acmeMini, claudeHaiku, mockWorkspace } from './mock-batch-setup'

const tempHome = useTempHomes()
const startServer = useMockLlmServer()
const rows = 60

describe.each([
  { api: 'OpenAI Batch', model: acmeMini },
  { api: 'Anthropic Message Batches', model: claudeHaiku },
])('$api: repeats of requests that fail in the batch', ({ model }) => {
  it('answers each repeat from its request answer, or sends it when the request failed for good', async () => {
    const server = await startServer({ seed: 7, batchFailRate: 0.2, batchFailStatuses: [500, 400] })
    const ws = await mockWorkspace(tempHome(), server, model, rows)
    const prompt = await call<PromptDetail>(ws.core, 'prompts.create', {
      name: 'Deterministic triage',
      messages: [{ role: 'user', content: 'Ticket: {{message}}' }],
      model,
      params: { temperature: 0 },
      message: 'v1',
    })
    const run = await call<Run>(ws.core, 'runs.start', {
      name: 'Repeats',
      promptVersionIds: [prompt.version.id],
      models: [model],
      datasetId: ws.datasetId,
      repeats: 3,
      useCache: true,
      mode: 'batch',
    })
    const done = await settled(ws.core, run.id)
    expect(done.status).toBe('completed')
    const results = await allResults(ws.core, run.id)
    expect(results).toHaveLength(rows * 3)
    const byCase = new Map<string, typeof results>()
    for (const r of results) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r])
    for (const [, mine] of byCase) {
      expect(mine).toHaveLength(3)
      const answered = mine.filter((r) => r.errorKind === null)
      // Once a request has an answer, the repeats still waiting take it from the cache.
      if (answered.length > 0) expect(answered.filter((r) => !r.cached).length).toBeGreaterThanOrEqual(1)
    }
    const sent = (await jobsOf(ws.core, run.id)).reduce((n, j) => n + j.requests, 0)
    const cached = results.filter((r) => r.cached).length
    // Every item sent in a job is one attempt of a row that was not answered from the cache.
    expect(sent).toBe(results.filter((r) => !r.cached).reduce((n, r) => n + r.attempts, 0))
    expect(cached).toBeGreaterThan(rows)
    ws.core.close()
  }, 60_000)
})
