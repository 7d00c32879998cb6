/** A restart while an Anthropic Message Batch is submitted: the new core relaunches the run, polls on, collects once. */
import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { allResults, finished, jobsOf, jobsWhere } from './batch-setup'
import {
  batchRuns,
  claudeHaiku,
  expectHalfPrice,
  mockCore,
  mockWorkspace,
  startBatch,
} from './mock-batch-setup'

const tempHome = useTempHomes()
const startServer = useMockLlmServer()
const calls = 60

describe('closing the app while a Message Batch is submitted', () => {
  it('relaunches the run on the next start, keeps polling and collects the job once', async () => {
    const server = await startServer({ batchDelayMs: 1_500 })
    const home = tempHome()
    const ws = await mockWorkspace(home, server, claudeHaiku, calls)
    const run = await startBatch(ws, [claudeHaiku])
    const [polled] = await jobsWhere(ws.core, run.id, (jobs) => jobs[0]?.lastPolledAt != null)
    expect(polled?.state).toBe('submitted')
    ws.core.close()
    const remoteId = polled?.remoteId
    expect(remoteId).toMatch(/^msgbatch_/)

    const core = mockCore(home, server)
    // Relaunched on its own: the run was waiting for its provider.
    expect((await call<Run>(core, 'runs.get', { id: run.id })).status).toBe('running')
    const done = await finished(core, run.id)
    expect(done.status).toBe('completed')
    const jobs = await jobsOf(core, run.id)
    expect(jobs.map((j) => [j.remoteId, j.state, j.requests, j.succeeded])).toEqual([
      [remoteId, 'collected', calls, calls],
    ])
    const rows = await allResults(core, run.id)
    expect(rows).toHaveLength(calls)
    expect(rows.every((r) => r.batch && r.errorKind === null && r.attempts === 1)).toBe(true)
    expect(done.counts).toMatchObject({ total: calls, done: calls, errors: 0 })
    expectHalfPrice(done, rows)
    const ran = batchRuns(server)
    expect(ran.size).toBe(calls)
    expect([...ran.values()].every((n) => n === 1)).toBe(true)
    core.close()
  }, 60_000)
})
