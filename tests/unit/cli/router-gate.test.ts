import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BundleExport, SigningKey } from '../../../shared/domain/bundles'
import type { DatasetSummary } from '../../../shared/domain/datasets'
import type { Run } from '../../../shared/domain/runs'
import { useTempHomes } from '../../fixtures/temp-home'
import { call, promptNamed } from '../core/core-calls'
import { settled, versionId } from '../core/scoring/helpers'
import { openDemo } from './demo-baseline'
import { spawnEvallab } from './spawn-bin'

const newHome = useTempHomes()
const router = 'Triage router'
const model = { provider: 'demo', model: 'triage-sim-2026-03' }

/** "Triage router" v1 × the 2026-03 simulated model on the routing chats, scored, signed off and exported. */
async function routerBaseline(home: string, exportDir: string): Promise<string> {
  const core = openDemo(home)
  try {
    const datasets = await call<DatasetSummary[]>(core, 'datasets.list', {})
    const datasetId = datasets.find((d) => d.name === 'Triage routing conversations')?.id
    const v1 = await versionId(core, router, 1)
    const started = await call<Run>(core, 'runs.start', {
      name: 'router baseline',
      promptVersionIds: [v1],
      models: [model],
      datasetId,
    })
    const done = settled(core, started.id)
    const now = await call<Run>(core, 'runs.get', { id: started.id })
    const run = now.status === 'running' || now.status === 'planned' ? await done : now
    if (run.status !== 'completed') throw new Error(`router baseline run ${run.status}`)
    await call(core, 'runs.score', { runId: run.id })
    const key = await call<SigningKey>(core, 'signingKeys.create', { owner: 'Priya Shah' })
    const promptId = (await promptNamed(core, router)).prompt.id
    const slice = { promptVersionId: v1, provider: model.provider, modelId: model.model }
    await call(core, 'signoffs.create', {
      ...{ promptId, runId: run.id, slice, keyId: key.keyId },
      ...{ name: 'Priya Shah', role: 'PM', comment: 'v1 routes as the policy says' },
    })
    return (await call<BundleExport>(core, 'bundles.export', { promptId, folder: exportDir })).folder
  } finally {
    core.close()
  }
}

describe('evallab gate (the built bin, spawned) on the demo routing agent', () => {
  it('passes v1 and blocks v2, whose route_ticket calls pick the wrong queue or are not JSON', async () => {
    const dir = newHome()
    const folder = await routerBaseline(newHome(), join(dir, 'evals'))
    const suite = readFileSync(join(folder, 'gates.json'), 'utf8')
    expect(suite).toContain('"op": "tool_arg"')

    const pass = await spawnEvallab(['gate', folder, '--concurrency', '64'])
    expect(pass.stderr).not.toMatch(/evallab gate:/)
    expect(pass.stdout).toMatch(/^Gate PASS .*Triage router: v1 × demo\/triage-sim-2026-03/m)
    expect(pass.code).toBe(0)

    const fail = await spawnEvallab(['gate', folder, '--version', '2', '--concurrency', '64'])
    expect(fail.stdout).toMatch(/^Gate FAIL .*Triage router: v2 × demo\/triage-sim-2026-09/m)
    expect(fail.stdout).toMatch(/^tool\.queue .* fail$/m)
    expect(fail.stdout).toMatch(/^tool\.args_valid .* fail$/m)
    expect(fail.code).toBe(1)
  }, 120_000)
})
