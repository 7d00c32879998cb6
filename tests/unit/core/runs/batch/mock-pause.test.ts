/** Pause and resume a batch-mode run whose job is pending at the mock, and cancel one with a retry job queued. */
import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { allResults, finished, jobsOf, jobsWhere } from './batch-setup'
import { acmeMini, batchRuns, mockWorkspace, startBatch } from './mock-batch-setup'

const tempHome = useTempHomes()
const startServer = useMockLlmServer()

describe('pausing a batch-mode run on the mock', () => {
  it('leaves the remote job running and collects it once after the resume', async () => {
    const server = await startServer({ batchDelayMs: 1_000 })
    const ws = await mockWorkspace(tempHome(), server, acmeMini, 50)
    const run = await startBatch(ws, [acmeMini])
    await jobsWhere(ws.core, run.id, (jobs) => jobs[0]?.lastPolledAt != null)
    expect((await call<Run>(ws.core, 'runs.pause', { id: run.id })).status).toBe('paused')
    expect((await jobsOf(ws.core, run.id))[0]?.state).toBe('submitted')
    await call(ws.core, 'runs.resume', { id: run.id })
    expect((await finished(ws.core, run.id)).status).toBe('completed')
    expect(await allResults(ws.core, run.id)).toHaveLength(50)
    expect((await jobsOf(ws.core, run.id)).map((j) => j.state)).toEqual(['collected'])
    expect([...batchRuns(server).values()].filter((n) => n === 1)).toHaveLength(50)
    ws.core.close()
  }, 60_000)

  it('cancels while failed items wait in a retry job; a resume sends only the missing items', async () => {
    // The first job ends after 1.5 s with some items failed; their retry job is pending when the cancel comes.
    const server = await startServer({ seed: 3, batchFailRate: 0.2, batchDelayMs: 1_500 })
    const ws = await mockWorkspace(tempHome(), server, acmeMini, 50)
    const run = await startBatch(ws, [acmeMini])
    await jobsWhere(ws.core, run.id, (jobs) => jobs[0]?.remoteId != null)
    server.setBehavior({ batchDelayMs: 60_000 })
    await jobsWhere(ws.core, run.id, (jobs) => jobs[1]?.state === 'submitted')
    expect((await call<Run>(ws.core, 'runs.cancel', { id: run.id })).status).toBe('cancelled')
    const jobs = await jobsOf(ws.core, run.id)
    expect(jobs.map((j) => j.state)).toEqual(['collected', 'cancelled'])
    const kept = await allResults(ws.core, run.id)
    expect(kept).toHaveLength(50 - (jobs[1]?.requests ?? 0))

    server.setBehavior({ batchDelayMs: 0, batchFailRate: 0 })
    await call(ws.core, 'runs.resume', { id: run.id })
    expect((await finished(ws.core, run.id)).status).toBe('completed')
    const rows = await allResults(ws.core, run.id)
    expect(rows).toHaveLength(50)
    expect(rows.every((r) => r.errorKind === null)).toBe(true)
    const after = await jobsOf(ws.core, run.id)
    expect(after).toHaveLength(3)
    expect(after[2]?.requests).toBe(jobs[1]?.requests)
    // The cancelled job ran none of its items: the mock ran 50 first attempts and the resumed job's items.
    const ran = [...batchRuns(server).values()].reduce((n, k) => n + k, 0)
    expect(ran).toBe(50 + (after[2]?.requests ?? 0))
    ws.core.close()
  }, 60_000)
})
