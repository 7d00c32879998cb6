/**
 * Issue 21's acceptance "A batch with 3 % failed and 1 % expired items ends with every item a result or a
 * recorded error", through the real OpenAI and Anthropic batch adapters against the mock's batch endpoints.
 */
import { describe, expect, it } from 'vitest'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import { customIdOf } from '../../../../../electron/main/core/runs/batch/job-store'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { allResults, jobsOf, settled } from './batch-setup'
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
const calls = 500

async function partialFailureRun(model: ModelRef) {
  // The first two items the mock sees fail in every job (a 500, a 429, a 500): they are given up after 3.
  const doomed = new Set<string>()
  const faultsFor = (key: string) => {
    if (doomed.size < 2) doomed.add(key)
    return doomed.has(key) ? (['500', '429', '500'] as const) : undefined
  }
  const server = await startServer({
    faultsFor,
    seed: 21,
    batchFailRate: 0.03,
    batchFailStatuses: [500, 429, 400],
    batchExpireRate: 0.01,
  })
  const ws = await mockWorkspace(tempHome(), server, model, calls)
  const run = await startBatch(ws, [model])
  const done = await settled(ws.core, run.id)
  const rows = await allResults(ws.core, run.id)
  const jobs = await jobsOf(ws.core, run.id)
  ws.core.close()
  return { server, done, rows, jobs }
}

describe.each([
  { api: 'OpenAI Batch', model: acmeMini },
  { api: 'Anthropic Message Batches', model: claudeHaiku },
])('a $api run with 3 percent failed and 1 percent expired items', ({ model }) => {
  it('ends with every item one result or one recorded error', async () => {
    const { server, done, rows, jobs } = await partialFailureRun(model)
    expect(done.status).toBe('completed')
    // Every planned item is exactly one row.
    expect(rows).toHaveLength(calls)
    expect(new Set(rows.map((r) => customIdOf(r))).size).toBe(calls)
    expect(rows.every((r) => r.batch && r.ttftMs === null && r.totalMs === null)).toBe(true)

    // Failed (retryable) and expired items went again in later jobs.
    expect(jobs[0]?.attempt).toBe(1)
    expect(jobs.some((j) => j.attempt === 2)).toBe(true)
    expect(jobs.every((j) => j.state === 'collected')).toBe(true)
    const retried = rows.filter((r) => r.errorKind === null && r.attempts > 1)
    expect(retried.length).toBeGreaterThan(0)

    // 400s are client errors recorded at once; what still fails after 3 jobs says what happened.
    const errors = rows.filter((r) => r.errorKind !== null)
    const clientErrors = errors.filter((r) => r.errorKind === 'client')
    expect(clientErrors.length).toBeGreaterThan(0)
    expect(clientErrors.some((r) => r.attempts === 1)).toBe(true)
    const ran = batchRuns(server)
    for (const r of clientErrors) {
      expect(r.errorMessage).toMatch(/400/)
      // Not sent again after its 400 (an earlier 500 or expiry may have made it a second job's item).
      expect(ran.get(customIdOf(r))).toBeLessThanOrEqual(r.attempts)
    }
    const givenUp = errors.filter((e) => e.errorKind !== 'client')
    expect(givenUp.length).toBeGreaterThanOrEqual(2)
    expect(jobs.some((j) => j.attempt === 3)).toBe(true)
    for (const r of givenUp) {
      expect(r.attempts).toBe(3)
      expect(r.errorMessage).toMatch(/^(expired in 3 batch jobs|failed in 3 batch jobs: .+)$/)
    }

    // The counts are the rows', and each answered row cost half its streamed price.
    expect(done.counts).toMatchObject({ total: calls, done: calls, errors: errors.length })
    const spent = rows.reduce((sum, r) => sum + (r.costUsd ?? 0), 0)
    expect(done.counts.spentUsd).toBeCloseTo(spent, 10)
    expectHalfPrice(done, rows)
    expect(rows.filter((r) => r.errorKind !== null).every((r) => r.costUsd === null)).toBe(true)

    // Each item was in as many jobs as its attempts say; the mock ran it at most once per job.
    const submittedItems = jobs.reduce((sum, j) => sum + j.requests, 0)
    expect(submittedItems).toBe(rows.reduce((sum, r) => sum + r.attempts, 0))
    for (const r of rows) expect(ran.get(customIdOf(r)) ?? 0).toBeLessThanOrEqual(r.attempts)
  }, 120_000)
})
