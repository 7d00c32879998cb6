import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Run, RunResult } from '../../../../../shared/domain/runs'
import { FakeBatchApi, type Fate } from '../../../../fixtures/batch/fake-batch-api'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { allResults, batchWorkspace, jobsOf, settled, startBatchRun } from './batch-setup'

const tempHome = useTempHomes()

/** A stable share of the requests by their case key: 0–99. */
const bucket = (key: string): number => createHash('sha256').update(key).digest().readUInt32BE(0) % 100

/**
 * 3 % of the requests fail (1 % of them for good, 2 % only the first time), 1 % expire in every job, 1 % are
 * refused as bad requests: the lane must end with every item a result or a recorded error.
 */
function faultyFate(key: string, sentBefore: number): Fate {
  const b = bucket(key)
  if (b === 0) return 'server'
  if (b <= 2) return sentBefore === 0 ? 'server' : 'ok'
  if (b === 3) return 'expired'
  if (b === 4) return 'client'
  return 'ok'
}

describe('the batch lane of a batch-mode run', () => {
  it('accounts for every item of a batch with failed and expired items: a result or a recorded error', async () => {
    const api = new FakeBatchApi('acme-openai', { fate: faultyFate, limits: { maxRequests: 120 } })
    const ws = await batchWorkspace(tempHome(), api, 200, 2)
    const run = await startBatchRun(ws.core, ws, { repeats: 2 })
    const done = await settled(ws.core, run.id)
    expect(done.status).toBe('completed')
    const results = await allResults(ws.core, run.id)
    expect(results).toHaveLength(800)
    expect(new Set(results.map((r) => `${r.caseId}/${r.promptVersionId}/${r.repeat}`)).size).toBe(800)
    expect(done.counts).toMatchObject({ done: 800, total: 800 })

    const keyOf = (r: RunResult): string =>
      `${run.id}/${r.caseId}/${r.promptVersionId}/acme-openai/gpt-4o-mini/${r.repeat}`
    for (const r of results) {
      const b = bucket(keyOf(r))
      expect(r.batch).toBe(true)
      expect(r.ttftMs).toBeNull()
      expect(r.totalMs).toBeNull()
      if (b === 0)
        expect(r).toMatchObject({
          errorKind: 'server',
          attempts: 3,
          errorMessage: 'failed in 3 batch jobs: fake server error',
        })
      else if (b === 3)
        expect(r).toMatchObject({
          errorKind: 'timeout',
          attempts: 3,
          errorMessage: 'expired in 3 batch jobs',
        })
      else if (b === 4)
        expect(r).toMatchObject({ errorKind: 'client', attempts: 1, errorMessage: 'fake client error' })
      else
        expect(r).toMatchObject({
          errorKind: null,
          responseText: `answer to ${keyOf(r)}`,
          attempts: b <= 2 ? 2 : 1,
        })
      expect(r.attemptLog[0]?.message).toMatch(/^batch: /)
    }
    expect(done.counts.errors).toBe(results.filter((r) => r.errorKind !== null).length)
    // Each request was sent as often as its fate needed and never more.
    for (const [key, sent] of api.sent) {
      const b = bucket(key)
      expect(sent).toBe(b === 0 || b === 3 ? 3 : b <= 2 ? 2 : 1)
    }
    // Split within the API's limit: 800 requests at 120 a job is 7 first jobs, then the retries.
    const jobs = await jobsOf(ws.core, run.id)
    expect(jobs.every((j) => j.requests <= 120 && j.state === 'collected')).toBe(true)
    expect(jobs.filter((j) => j.attempt === 1)).toHaveLength(7)
    ws.core.close()
  })

  it('answers repeats of a cacheable request from its batch answer, and a second run from the cache', async () => {
    const api = new FakeBatchApi('acme-openai')
    const ws = await batchWorkspace(tempHome(), api, 30)
    const detail = await call<{ version: { id: string }; prompt: { id: string } }>(ws.core, 'prompts.get', {
      id: (await call<{ id: string }[]>(ws.core, 'prompts.list', {}))[0]?.id,
    })
    const v2 = await call<{ id: string; messages: unknown }>(ws.core, 'prompts.saveVersion', {
      promptId: detail.prompt.id,
      baseVersionId: detail.version.id,
      messages: [{ role: 'user', content: 'Ticket: {{message}}\nOne word.' }],
      params: { temperature: 0 },
      message: 'Deterministic',
    })
    const plan = { datasetId: ws.datasetId, versionIds: [v2.id] }
    const first = await startBatchRun(ws.core, plan, { repeats: 3, useCache: true })
    expect((await settled(ws.core, first.id)).status).toBe('completed')
    const results = await allResults(ws.core, first.id)
    expect(results).toHaveLength(90)
    expect(api.requestCount).toBe(30)
    expect(results.filter((r) => r.cached)).toHaveLength(60)
    expect(results.filter((r) => r.batch)).toHaveLength(30)

    const second = await startBatchRun(ws.core, plan, { useCache: true })
    expect((await settled(ws.core, second.id)).status).toBe('completed')
    expect((await allResults(ws.core, second.id)).every((r) => r.cached)).toBe(true)
    expect(api.submits).toBe(1)
    expect(await jobsOf(ws.core, second.id)).toEqual([])
    ws.core.close()
  })

  it('sends a job the provider failed as a whole once more, then records its reason', async () => {
    const api = new FakeBatchApi('acme-openai', { failJob: () => 'input file has invalid JSONL on line 3' })
    const ws = await batchWorkspace(tempHome(), api, 12)
    const run = await startBatchRun(ws.core, ws)
    const done: Run = await settled(ws.core, run.id)
    expect(done.status).toBe('completed')
    const results = await allResults(ws.core, run.id)
    expect(results).toHaveLength(12)
    expect(
      results.every(
        (r) => r.errorMessage === 'the provider failed the batch job: input file has invalid JSONL on line 3',
      ),
    ).toBe(true)
    expect(api.submits).toBe(2)
    expect((await jobsOf(ws.core, run.id)).map((j) => j.state)).toEqual(['failed', 'failed'])
    ws.core.close()
  })
})
