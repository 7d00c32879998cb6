import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunBatchJob } from '../../../../shared/domain/runs'
import { makeRun } from '../../fixtures/fake-runs'
import { calls, openRuns } from './helpers'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const byId = (id: string) => screen.getByTestId(id)

// Today at 14:02 and 14:09 local time: the line shows the user's clock, without a date.
const at = (h: number, m: number) => {
  const d = new Date()
  d.setHours(h, m, 0, 0)
  return d.toISOString()
}
const clock = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))

function job(id: string, extra: Partial<RunBatchJob>): RunBatchJob {
  return {
    id,
    runId: 'r-batch',
    provider: 'acme-openai',
    remoteId: `batch_${id}`,
    state: 'submitted',
    remoteStatus: 'in_progress',
    requests: 1000,
    succeeded: 0,
    failed: 0,
    expired: 0,
    attempt: 1,
    createdAt: at(14, 0),
    submittedAt: at(14, 2),
    endedAt: null,
    lastPolledAt: at(14, 9),
    message: null,
    ...extra,
  }
}

const batchRun = () =>
  makeRun('r-batch', {
    name: 'Nightly triage (batch)',
    status: 'running',
    plan: {
      ...makeRun('x').plan,
      mode: 'batch',
      models: [{ provider: 'acme-openai', model: 'gpt-4o-mini' }],
    },
    counts: { total: 2000, done: 0, errors: 0, cached: 0, spentUsd: 0 },
  })

describe('a batch-mode run waiting for the provider', () => {
  it('after a reload shows the wait from the stored jobs, lists them, and follows progress events', async () => {
    const { core } = await openRuns((state) => {
      state.runs = [batchRun()]
      state.batchJobs = {
        'r-batch': [
          job('a', { succeeded: 700, failed: 20 }),
          job('b', { submittedAt: at(14, 3), succeeded: 480 }),
          job('c', {
            state: 'failed',
            remoteStatus: 'failed',
            attempt: 2,
            requests: 40,
            message: 'The provider refused the file: too large',
          }),
        ],
      }
    })
    fireEvent.click(await screen.findByTestId('run-row'))
    await waitFor(() =>
      expect(byId('batch-wait-text').textContent).toBe(
        `Waiting for the provider (batch submitted ${clock(at(14, 2))} in 2 jobs, 1,200 / 2,000 done)`,
      ),
    )
    expect(byId('batch-wait-polled').textContent).toBe(`last checked ${clock(at(14, 9))}`)
    const rows = screen.getAllByTestId('batch-job')
    expect(rows.map((r) => [r.dataset.state, r.dataset.provider])).toEqual([
      ['submitted', 'acme-openai'],
      ['submitted', 'acme-openai'],
      ['failed', 'acme-openai'],
    ])
    expect(rows[0]?.textContent).toContain('batch_a')
    expect(rows[0]?.textContent).toContain('in_progress')
    expect(rows[0]?.textContent).toContain('700 / 1,000')
    expect(rows[2]?.textContent).toContain('too large')
    // Pause and cancel stay offered while the run waits.
    expect(byId('run-pause')).toBeTruthy()
    expect(byId('run-cancel')).toBeTruthy()

    const batchCalls = calls(core, 'runs.batches').length
    act(() => {
      core.transport.emit('runs.progress', {
        runId: 'r-batch',
        status: 'running',
        done: 0,
        total: 2000,
        errors: 0,
        callsPerSecond: 0,
        spentUsd: 0,
        etaSeconds: null,
        batch: { jobs: 2, submittedAt: at(14, 2), done: 1500, total: 2000, lastPolledAt: at(14, 12) },
      })
    })
    await waitFor(() => expect(byId('batch-wait-text').textContent).toContain('1,500 / 2,000 done'))
    expect(byId('batch-wait-polled').textContent).toBe(`last checked ${clock(at(14, 12))}`)
    // A new poll refreshes the jobs list too.
    await waitFor(() => expect(calls(core, 'runs.batches').length).toBeGreaterThan(batchCalls))
  })

  it('shows no waiting line once nothing is pending, and asks no jobs of a streamed run', async () => {
    const { core } = await openRuns((state) => {
      state.runs = [{ ...batchRun(), status: 'completed' }, makeRun('r-stream', { name: 'Streamed' })]
      state.batchJobs = { 'r-batch': [job('a', { state: 'collected', succeeded: 1000 })] }
    })
    const rows = await screen.findAllByTestId('run-row')
    fireEvent.click(rows.find((r) => r.dataset.runId === 'r-batch') as HTMLElement)
    await screen.findByTestId('batch-jobs')
    expect(screen.queryByTestId('batch-wait')).toBeNull()
    fireEvent.click(rows.find((r) => r.dataset.runId === 'r-stream') as HTMLElement)
    await waitFor(() => expect(byId('run-name').textContent).toBe('Streamed'))
    expect(screen.queryByTestId('batch-jobs')).toBeNull()
    expect(calls(core, 'runs.batches').every((c) => (c.input as { id: string }).id === 'r-batch')).toBe(true)
  })
})
