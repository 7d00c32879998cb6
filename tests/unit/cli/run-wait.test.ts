import { describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/main/core'
import { createProgress } from '../../../electron/main/cli/progress'
import { waitForRun } from '../../../electron/main/cli/run-wait'
import { captureIo } from './cli-helpers'

/** A core whose run is already over and whose last progress events never arrive (a busy machine). */
function finishedCore(): Core {
  const run = {
    id: 'r1',
    status: 'completed',
    counts: { total: 40, done: 40, errors: 0, cached: 0, spentUsd: 0 },
  }
  const partial = { runId: 'r1', status: 'running', done: 36, total: 40, errors: 0, callsPerSecond: 1 }
  let listener: ((event: string, payload: unknown) => void) | undefined
  const core = {
    dispatch: () => {
      // One progress event at 90 % reaches the CLI, then the poll finds the run completed.
      listener?.('runs.progress', { ...partial, spentUsd: 0, etaSeconds: 1 })
      return Promise.resolve({ ok: true, value: run })
    },
    bus: {
      subscribe: (fn: (event: string, payload: unknown) => void) => {
        listener = fn
        return () => (listener = undefined)
      },
    },
  }
  return core as unknown as Core
}

describe('waitForRun', () => {
  it('ends the CI log on the final counts when the poll sees the run end before the last progress event', async () => {
    const captured = captureIo({ CI: '1' })
    const run = await waitForRun(finishedCore(), 'r1', createProgress(captured.io, 'run'))
    expect(run.status).toBe('completed')
    const lines = captured.err().trim().split('\n')
    expect(lines.at(-1)).toBe('run: 40/40 calls (100 %)')
  })
})
