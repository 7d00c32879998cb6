import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect } from '@playwright/test'

const repo = resolve(import.meta.dirname, '../..')

interface CoreModule {
  openCore(options: { home: string }): {
    dispatch(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }>
    close(): void
  }
}

/** The run the scored demo holds: Ticket triage v4 (March model) and v5 (September) × both simulated models. */
export const scoredDemoRun = 'March vs September'

/** The September model's price: the simulated models are free, and a price gives the cost figures something. */
export const septemberPrice = {
  provider: 'demo',
  model: 'triage-sim-2026-09',
  inputPerMTok: 0.5,
  outputPerMTok: 1.5,
}

/**
 * Builds, in `home`, the demo workspace with the September model priced and one completed, scored run of
 * Ticket triage v4 and v5 over both simulated models (the built core, as the host runs it; the demo's own
 * latency, so the latency figures are real). Specs that start from a scored run copy this folder.
 */
export async function buildScoredDemo(home: string): Promise<void> {
  const url = pathToFileURL(join(repo, 'out', 'main', 'core.js')).href
  const { openCore } = (await import(url)) as CoreModule
  const core = openCore({ home })
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(method, input)
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
    return result.value as T
  }
  try {
    await call('prices.save', septemberPrice)
    const prompts = await call<{ id: string; name: string }[]>('prompts.list', {})
    const triage = prompts.find((p) => p.name === 'Ticket triage')
    const detail = await call<{ versions: { id: string; number: number }[] }>('prompts.get', {
      id: triage?.id,
    })
    // In the order the new-run form sends them (v4, then v5): the Compare screen lists slices in run order.
    const versions = [4, 5].map((n) => detail.versions.find((v) => v.number === n)?.id)
    const [dataset] = await call<{ id: string }[]>('datasets.list', {})
    const models = ['triage-sim-2026-03', 'triage-sim-2026-09'].map((model) => ({ provider: 'demo', model }))
    const run = await call<{ id: string }>('runs.start', {
      name: scoredDemoRun,
      promptVersionIds: versions,
      models,
      datasetId: dataset?.id,
      concurrency: { demo: 16 },
    })
    const status = async () => (await call<{ status: string }>('runs.get', { id: run.id })).status
    await expect.poll(status, { timeout: 120_000 }).toBe('completed')
    await call('runs.score', { runId: run.id })
  } finally {
    core.close()
  }
}
