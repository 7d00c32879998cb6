/** Whole jobs refused through the real adapters: a job that fails validation, and a key the provider refuses. */
import { describe, expect, it } from 'vitest'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { allResults, jobsOf, settled } from './batch-setup'
import { acmeMini, claudeHaiku, mockWorkspace, startBatch } from './mock-batch-setup'

const tempHome = useTempHomes()
const startServer = useMockLlmServer()

describe.each([
  { api: 'OpenAI Batch', model: acmeMini },
  { api: 'Anthropic Message Batches', model: claudeHaiku },
])('$api refusing whole jobs', ({ model }) => {
  it('sends a job that failed validation once more, then records the reason on every item', async () => {
    const server = await startServer({ batchInvalid: 'Model is not available for batch.' })
    const ws = await mockWorkspace(tempHome(), server, model, 12)
    const run = await startBatch(ws, [model])
    const done = await settled(ws.core, run.id)
    expect(done.status).toBe('completed')
    const rows = await allResults(ws.core, run.id)
    expect(rows).toHaveLength(12)
    for (const r of rows) {
      expect(r.errorKind).toBe('client')
      expect(r.errorMessage).toMatch(/Model is not available for batch\./)
    }
    expect((await jobsOf(ws.core, run.id)).map((j) => [j.state, j.attempt])).toEqual([
      ['failed', 1],
      ['failed', 2],
    ])
    expect(done.counts).toMatchObject({ done: 12, errors: 12 })
    ws.core.close()
  }, 60_000)

  it('fails the run resumable when the key is refused, leaving its job unsent', async () => {
    const server = await startServer({ apiKey: 'sk-other' })
    const ws = await mockWorkspace(tempHome(), server, model, 8)
    const run = await startBatch(ws, [model])
    const failed = await settled(ws.core, run.id)
    expect(failed.status).toBe('failed')
    expect(failed.failure?.kind).toBe('key-refused')
    expect(failed.failure?.message).not.toMatch(/sk-acme|sk-ant/)
    expect(await allResults(ws.core, run.id)).toHaveLength(0)
    // Nothing was left at the provider: the job is stored, unsent, and a resume sends it.
    expect((await jobsOf(ws.core, run.id)).map((j) => [j.state, j.remoteId])).toEqual([['preparing', null]])
    ws.core.close()
  }, 60_000)
})
