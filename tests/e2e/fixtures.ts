import { test as base } from '@playwright/test'
import { startHostProcess, type HostProcess } from './host-process'

/** Every test gets its own host process and data folder; the browser is shared by the worker. */
export const test = base.extend<{ host: HostProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
  host: async ({}, use) => {
    const host = await startHostProcess()
    await use(host)
    await host.stop()
  },
})

export { expect } from '@playwright/test'
