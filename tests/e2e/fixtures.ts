import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { startHostProcess, type HostOptions, type HostProcess } from './host-process'
import { buildScoredDemo } from './scored-demo'

/** What a test's host starts on: a new data folder (the demo, or empty with `noDemo`), or a scored demo run. */
export type StartFrom = 'new' | 'scored-demo'

export interface WorkerFixtures {
  /** The worker's scored demo folder, built the first time a test of this worker asks for it. */
  scoredDemo: { home(): Promise<string> }
}

/**
 * Every test gets its own host process and data folder (workers run in parallel, each host on a port of its
 * own); the browser is shared by the worker. A spec changes how its host starts with
 * `test.use({ hostOptions: { noDemo: true } })`, or starts from a copy of the worker's scored demo run with
 * `test.use({ startFrom: 'scored-demo' })` instead of running and scoring the demo itself.
 */
export const test = base.extend<
  { host: HostProcess; hostOptions: HostOptions; startFrom: StartFrom },
  WorkerFixtures
>({
  hostOptions: [{}, { option: true }],
  startFrom: ['new', { option: true }],
  scoredDemo: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
    async ({}, use) => {
      const root = mkdtempSync(join(tmpdir(), 'evallab-e2e-scored-'))
      let built: Promise<string> | undefined
      const home = () => (built ??= buildScoredDemo(join(root, 'home')).then(() => join(root, 'home')))
      await use({ home })
      rmSync(root, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],
  host: async ({ hostOptions, startFrom, scoredDemo }, use) => {
    const copy = startFrom === 'scored-demo' ? copyOf(await scoredDemo.home()) : undefined
    const host = await startHostProcess(copy ? { ...hostOptions, home: copy } : hostOptions)
    await use(host)
    await host.stop()
    if (copy) rmSync(copy, { recursive: true, force: true })
  },
})

function copyOf(home: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'evallab-e2e-'))
  cpSync(home, copy, { recursive: true })
  return copy
}

export { expect } from '@playwright/test'
