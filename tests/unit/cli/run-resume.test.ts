import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { batchWaitLine, plainLine } from '../../../electron/main/cli/progress'
import type { Run } from '../../../shared/domain/runs'
import { useTempHomes } from '../../fixtures/temp-home'
import { call } from '../core/core-calls'
import { ownWorkspace } from '../core/runs/own-provider'
import { runCli } from './cli-helpers'
import { buildDemoBaseline } from './demo-baseline'

const newHome = useTempHomes()

describe('evallab run --resume RUN_ID', () => {
  it('continues a run the workspace holds stopped, then reports it like run', async () => {
    const home = newHome()
    const model = { provider: 'demo', model: 'triage-sim-2026-03' }
    const ws = await ownWorkspace(home, model, { rows: 24 })
    const plan = {
      promptVersionIds: ws.versionIds,
      models: [model],
      datasetId: ws.datasetId,
      useCache: false,
    }
    const started = await call<Run>(ws.core, 'runs.start', { ...plan, name: 'Stopped half way' })
    const paused = await call<Run>(ws.core, 'runs.pause', { id: started.id })
    expect(paused.status).toBe('paused')
    ws.core.close()

    const result = await runCli(['run', '--resume', started.id, '--workspace', home])
    expect(result.err).toMatch(/^Continuing run "Stopped half way" \(\d+\/24 calls stored\)/m)
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^Run "Stopped half way": completed \(24\/24 calls\)/)
  }, 60_000)

  it('refuses flags that would plan another run, and names an unknown run', async () => {
    const refused = await runCli(['run', '--resume', 'run_x', '--prompt', 'Triage', '--batch'])
    expect(refused.code).toBe(3)
    expect(refused.err).toMatch(/--resume continues a stored run as it was planned: drop --prompt, --batch/)
    const home = newHome()
    const ws = await ownWorkspace(home, { provider: 'demo', model: 'triage-sim-2026-03' })
    ws.core.close()
    const unknown = await runCli(['run', '--resume', 'run_nope', '--workspace', home])
    expect(unknown.code).toBe(3)
    expect(unknown.err).toMatch(/No run with id run_nope/)
  }, 60_000)

  it('run --batch says how to continue the run if the process stops', async () => {
    const dir = newHome()
    const { folder } = await buildDemoBaseline(newHome(), join(dir, 'evals'))
    const result = await runCli(['run', folder, '--batch', '--concurrency', '64'])
    expect(result.code).toBe(0)
    expect(result.err).toMatch(/Batch run (run_\w+): .*\n {2}evallab run --resume \1 --workspace /)
    expect(result.out).toMatch(/completed \(145\/145 calls\)/)
  }, 120_000)
})

describe('the batch waiting line', () => {
  it('says when the batch went out and how far the provider is', () => {
    const submittedAt = new Date(2026, 2, 4, 14, 2).toISOString()
    const wait = { jobs: 1, submittedAt, done: 1200, total: 2000, lastPolledAt: null }
    expect(batchWaitLine(wait)).toBe('waiting for the provider (batch submitted 14:02, 1,200 / 2,000 done)')
    expect(batchWaitLine({ ...wait, jobs: 3, submittedAt: null })).toBe(
      'waiting for the provider (3 batches, batch being submitted, 1,200 / 2,000 done)',
    )
    const p = { runId: 'run_1', status: 'running' as const, done: 0, total: 2000, errors: 0 }
    const progress = { ...p, callsPerSecond: 0, spentUsd: 0, etaSeconds: null, batch: wait }
    expect(plainLine('run', progress)).toBe(
      'run: 0/2000 calls (0 %) · waiting for the provider (batch submitted 14:02, 1,200 / 2,000 done)',
    )
  })
})
