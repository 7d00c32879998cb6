/** Cancel mid-batch through the real adapters and the mock: the remote job is cancelled, nothing is lost or sent twice. */
import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../../shared/domain/runs'
import { anthropicFor, openaiFor, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { allResults, finished, jobsOf, jobsWhere } from './batch-setup'
import {
  acmeMini,
  batchRuns,
  claudeHaiku,
  expectHalfPrice,
  mockWorkspace,
  startBatch,
} from './mock-batch-setup'

const tempHome = useTempHomes()
const startServer = useMockLlmServer()
const calls = 200

describe.each([
  { api: 'OpenAI Batch', model: acmeMini },
  { api: 'Anthropic Message Batches', model: claudeHaiku },
])('cancelling a $api run while its job is pending', ({ model }) => {
  it('cancels the remote job, keeps what was answered, and a resume sends only the rest', async () => {
    // The job's items are answered evenly over 20 s: some are done when the cancel comes, most are not.
    const server = await startServer({ batchDelayMs: 20_000 })
    const ws = await mockWorkspace(tempHome(), server, model, calls)
    const run = await startBatch(ws, [model])
    const [pending] = await jobsWhere(ws.core, run.id, (jobs) => (jobs[0]?.succeeded ?? 0) >= 10)
    const remoteId = pending?.remoteId ?? ''

    const cancelled = await call<Run>(ws.core, 'runs.cancel', { id: run.id })
    expect(cancelled.status).toBe('cancelled')
    const remote =
      model === acmeMini
        ? (await openaiFor(server).batches.retrieve(remoteId)).status
        : (await anthropicFor(server).messages.batches.retrieve(remoteId)).processing_status
    expect(remote).toBe(model === acmeMini ? 'cancelled' : 'ended')
    expect((await jobsOf(ws.core, run.id)).map((j) => j.state)).toEqual(['cancelled'])
    const kept = await allResults(ws.core, run.id)
    const answeredAtCancel = batchRuns(server).size
    expect(kept.length).toBe(answeredAtCancel)
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.length).toBeLessThan(calls)
    expect(kept.every((r) => r.errorKind === null && (r.costUsd ?? 0) > 0)).toBe(true)

    server.setBehavior({ batchDelayMs: 0 })
    await call<Run>(ws.core, 'runs.resume', { id: run.id })
    const done = await finished(ws.core, run.id)
    expect(done.status).toBe('completed')
    const jobs = await jobsOf(ws.core, run.id)
    expect(jobs.map((j) => [j.state, j.requests])).toEqual([
      ['cancelled', calls],
      ['collected', calls - kept.length],
    ])
    const rows = await allResults(ws.core, run.id)
    expect(rows).toHaveLength(calls)
    expect(rows.every((r) => r.errorKind === null && r.batch)).toBe(true)
    expectHalfPrice(done, rows)
    // The mock ran each item once: the answered ones before the cancel, the rest in the resumed job.
    const ran = batchRuns(server)
    expect(ran.size).toBe(calls)
    expect([...ran.values()].every((n) => n === 1)).toBe(true)
    ws.core.close()
  }, 120_000)
})
