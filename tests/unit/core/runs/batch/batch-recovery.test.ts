import { describe, expect, it } from 'vitest'
import type { Run, RunProgress } from '../../../../../shared/domain/runs'
import { FakeBatchApi } from '../../../../fixtures/batch/fake-batch-api'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import {
  allResults,
  batchWorkspace,
  finished,
  jobsOf,
  jobsWhere,
  reopen,
  settled,
  startBatchRun,
} from './batch-setup'

const tempHome = useTempHomes()
const never = (): Promise<void> => new Promise(() => {})
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 2))
}

/** Every request of the fake was sent exactly once. */
function sentOnce(api: FakeBatchApi, total: number): void {
  expect(api.sent.size).toBe(total)
  expect([...api.sent.values()].every((n) => n === 1)).toBe(true)
}

describe('a batch-mode run cut off and started again', () => {
  it('sends a job stored but never submitted when the process was killed, once', async () => {
    let hold = true
    const api = new FakeBatchApi('acme-openai', { beforeSubmit: () => (hold ? never() : undefined) })
    const home = tempHome()
    const ws = await batchWorkspace(home, api, 20)
    const run = await startBatchRun(ws.core, ws)
    await jobsWhere(ws.core, run.id, (jobs) => jobs.length === 1 && jobs[0]?.state === 'preparing')
    ws.core.close()
    expect(api.submits).toBe(0)

    hold = false
    const core = reopen(home, api)
    // The restart relaunched it on its own: it was waiting for its provider.
    expect((await call<Run>(core, 'runs.get', { id: run.id })).status).toBe('running')
    expect((await settled(core, run.id)).status).toBe('completed')
    expect(await allResults(core, run.id)).toHaveLength(20)
    expect(api.submits).toBe(1)
    sentOnce(api, 20)
    core.close()
  })

  it('adopts a job the provider took although its remote id was never stored, instead of sending it twice', async () => {
    let hold = true
    const api = new FakeBatchApi('acme-openai', { afterCreate: () => (hold ? never() : undefined) })
    const home = tempHome()
    const ws = await batchWorkspace(home, api, 20)
    const run = await startBatchRun(ws.core, ws)
    await jobsWhere(ws.core, run.id, () => api.submits === 1)
    expect((await jobsOf(ws.core, run.id)).map((j) => [j.state, j.remoteId])).toEqual([['preparing', null]])
    ws.core.close()

    hold = false
    const core = reopen(home, api)
    expect((await settled(core, run.id)).status).toBe('completed')
    const results = await allResults(core, run.id)
    expect(results).toHaveLength(20)
    expect(results.every((r) => r.batch && r.errorKind === null)).toBe(true)
    expect(api.submits).toBe(1)
    sentOnce(api, 20)
    expect((await jobsOf(core, run.id)).map((j) => [j.state, j.remoteId])).toEqual([
      ['collected', 'fbatch_1'],
    ])
    core.close()
  })

  it('keeps polling a submitted job after a restart and collects it once', async () => {
    const api = new FakeBatchApi('acme-openai', { pollsUntilEnd: 1_000_000 })
    const home = tempHome()
    const ws = await batchWorkspace(home, api, 20)
    const run = await startBatchRun(ws.core, ws)
    await jobsWhere(ws.core, run.id, (jobs) => jobs[0]?.lastPolledAt != null)
    ws.core.close()
    const job = [...api.jobs.values()][0]
    if (job) job.polls = 1_000_000 // the provider finishes while the app is closed

    const core = reopen(home, api)
    expect((await settled(core, run.id)).status).toBe('completed')
    expect(await allResults(core, run.id)).toHaveLength(20)
    expect(api.submits).toBe(1)
    sentOnce(api, 20)
    core.close()
  })

  it('pauses without touching the job, and goes on polling on resume', async () => {
    const api = new FakeBatchApi('acme-openai', { pollsUntilEnd: 1_000_000 })
    const ws = await batchWorkspace(tempHome(), api, 10)
    const waits: (RunProgress['batch'] | undefined)[] = []
    ws.core.bus.subscribe((event, payload) => {
      if (event === 'runs.progress') waits.push((payload as RunProgress).batch)
    })
    const run = await startBatchRun(ws.core, ws)
    await jobsWhere(ws.core, run.id, (jobs) => jobs[0]?.lastPolledAt != null)
    await until(() => waits.some((w) => w?.lastPolledAt != null))
    // What the run screen shows: "waiting for the provider (batch submitted 14:02, 0 / 10 done)".
    expect(waits.find((w) => w?.lastPolledAt != null)).toMatchObject({ jobs: 1, done: 0, total: 10 })
    expect(waits.find((w) => w?.lastPolledAt != null)?.submittedAt).toEqual(expect.any(String))
    expect((await call<Run>(ws.core, 'runs.pause', { id: run.id })).status).toBe('paused')
    expect((await jobsOf(ws.core, run.id))[0]?.state).toBe('submitted')
    await call(ws.core, 'runs.resume', { id: run.id })
    const remote = [...api.jobs.values()][0]
    if (remote) remote.polls = 1_000_000 // the provider finishes after the resume
    expect((await finished(ws.core, run.id)).status).toBe('completed')
    expect(api.submits).toBe(1)
    expect(api.cancels).toBe(0)
    ws.core.close()
  })

  it('cancels the remote job, keeps what the provider answered, and a resume sends only the rest', async () => {
    const api = new FakeBatchApi('acme-openai', { pollsUntilEnd: 1_000_000 })
    const ws = await batchWorkspace(tempHome(), api, 20)
    const run = await startBatchRun(ws.core, ws)
    await jobsWhere(ws.core, run.id, (jobs) => jobs[0]?.state === 'submitted')
    const cancelled = await call<Run>(ws.core, 'runs.cancel', { id: run.id })
    expect(cancelled.status).toBe('cancelled')
    expect(api.cancels).toBe(1)
    expect((await jobsOf(ws.core, run.id)).map((j) => j.state)).toEqual(['cancelled'])
    // The fake had answered every other item before the cancel: those were charged and are kept.
    expect(await allResults(ws.core, run.id)).toHaveLength(10)

    const resumed = await call<Run>(ws.core, 'runs.resume', { id: run.id })
    const job = await jobsWhere(ws.core, run.id, (jobs) => jobs.length === 2)
    expect(job[1]?.requests).toBe(10)
    const remote = [...api.jobs.values()][1]
    if (remote) remote.polls = 1_000_000
    expect((await finished(ws.core, resumed.id)).status).toBe('completed')
    expect(await allResults(ws.core, run.id)).toHaveLength(20)
    ws.core.close()
  })

  it('cancels the jobs of a paused run at the provider too', async () => {
    const api = new FakeBatchApi('acme-openai', { pollsUntilEnd: 1_000_000 })
    const ws = await batchWorkspace(tempHome(), api, 10)
    const run = await startBatchRun(ws.core, ws)
    await jobsWhere(ws.core, run.id, (jobs) => jobs[0]?.state === 'submitted')
    await call<Run>(ws.core, 'runs.pause', { id: run.id })
    expect((await call<Run>(ws.core, 'runs.cancel', { id: run.id })).status).toBe('cancelled')
    expect(api.cancels).toBe(1)
    expect((await jobsOf(ws.core, run.id)).map((j) => j.state)).toEqual(['cancelled'])
    expect(await allResults(ws.core, run.id)).toHaveLength(5)
    ws.core.close()
  })

  it('fails the run resumable when the provider refuses the key on submit', async () => {
    let refuse = true
    const { ProviderError } = await import('../../../../../electron/main/core/llm/providers/types')
    const api = new FakeBatchApi('acme-openai', {
      beforeSubmit: () => {
        if (refuse) throw new ProviderError('auth', '401 invalid api key', { status: 401 })
      },
    })
    const ws = await batchWorkspace(tempHome(), api, 8)
    const run = await startBatchRun(ws.core, ws)
    const failed = await settled(ws.core, run.id)
    expect(failed.status).toBe('failed')
    expect(failed.failure?.kind).toBe('key-refused')
    expect(await allResults(ws.core, run.id)).toHaveLength(0)
    refuse = false
    await call(ws.core, 'runs.resume', { id: run.id })
    expect((await finished(ws.core, run.id)).status).toBe('completed')
    expect(await allResults(ws.core, run.id)).toHaveLength(8)
    expect(api.submits).toBe(1)
    ws.core.close()
  })
})
