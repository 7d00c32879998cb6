import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../../../renderer/src/api'
import { createAddressSync } from '../../../renderer/src/features/shell/route-hash'
import { boot, createStores, type Stores } from '../../../renderer/src/stores'
import { createFakeCore, defaultState } from '../fixtures/fake-core'
import { makeRun } from '../fixtures/fake-runs'
import { makeSlice } from '../fixtures/fake-scoring'

/** Two runs with a summary each; run-2 has one slice. */
function core() {
  const state = defaultState()
  state.runs = [makeRun('run-1', { name: 'March vs September' }), makeRun('run-2', { name: 'Canary' })]
  state.summaries = {
    'run-1': {
      runId: 'run-1',
      suiteVersion: 1,
      slices: [makeSlice('pv-a', 'triage-sim-2026-03'), makeSlice('pv-b', 'triage-sim-2026-09')],
    },
    'run-2': { runId: 'run-2', suiteVersion: 1, slices: [makeSlice('pv-b', 'triage-cheap')] },
  }
  return createFakeCore(state)
}

let stores: Stores | null = null
afterEach(() => {
  stores?.dispose()
  stores = null
  history.replaceState(null, '', '/')
})

async function readyOn(route: 'runs' | 'compare', options: { initialCompareRuns?: string[] } = {}) {
  const started = createStores(createClient(core().transport), { initialRoute: route, ...options })
  stores = started
  await boot(started)
  expect(started.app.getState().phase).toBe('ready')
  return started
}

/** The user follows a link in the running app: the address changes, then the sync follows it. */
async function follow(s: Stores, hash: string) {
  const sync = createAddressSync(s)
  sync.write()
  history.pushState(null, '', hash)
  sync.follow()
  // The sync rewrites the address to what is shown once the address has been applied.
  await expect.poll(() => window.location.hash).toBe('#/compare')
}

describe('#/compare?runs= in the running app', () => {
  it('adds the named runs, with their names and slices, before the address is rewritten', async () => {
    const s = await readyOn('runs')
    await follow(s, '#/compare?runs=run-1,run-2')
    expect(s.app.getState().route).toBe('compare')
    expect(s.compare.getState().runs).toEqual([
      { id: 'run-1', name: 'March vs September' },
      { id: 'run-2', name: 'Canary' },
    ])
    expect(s.compare.getState().selected).toHaveLength(3)
  })

  it('adds to the runs already on the compare screen, once each', async () => {
    const s = await readyOn('compare', { initialCompareRuns: ['run-1'] })
    expect(s.compare.getState().runs.map((r) => r.id)).toEqual(['run-1'])
    await follow(s, '#/compare?runs=run-2,run-1')
    expect(s.compare.getState().runs.map((r) => r.id)).toEqual(['run-1', 'run-2'])
  })

  it('says why a run the workspace does not have was not added', async () => {
    const s = await readyOn('runs')
    await follow(s, '#/compare?runs=run-gone')
    expect(s.compare.getState().runs).toEqual([])
    expect(s.compare.getState().addError).not.toBeNull()
  })
})
