import { test as base } from '@playwright/test'
import { startHostProcess, type HostOptions, type HostProcess } from './host-process'

/**
 * Every test gets its own host process and data folder; the browser is shared by the worker. A spec changes
 * how its host starts with `test.use({ hostOptions: { noDemo: true } })`.
 */
export const test = base.extend<{ host: HostProcess; hostOptions: HostOptions }>({
  hostOptions: [{}, { option: true }],
  host: async ({ hostOptions }, use) => {
    const host = await startHostProcess(hostOptions)
    await use(host)
    await host.stop()
  },
})

export { expect } from '@playwright/test'
