import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test'
import { isolate, type Isolation } from './isolation'
import { decidePackagedApp, type AppDecision } from './locate-app'

const root = resolve(import.meta.dirname, '../..')

/** What this machine offers: a packaged app to launch, or why there is none. Read once per worker. */
export function packagedApp(): AppDecision {
  const electron = join(root, 'node_modules', 'electron')
  return decidePackagedApp({
    platform: process.platform,
    root,
    env: process.env,
    isFile: (path) => existsSync(path) && statSync(path).isFile(),
    electronBinaryInstalled: existsSync(join(electron, 'dist')) && existsSync(join(electron, 'path.txt')),
  })
}

export interface Desktop {
  app: ElectronApplication
  /** The app's one window, loaded. */
  window: Page
  isolation: Isolation
}

/**
 * One launch of the packaged app for the whole file (the checks read it, the demo run writes to it), on a
 * user-data folder of its own, removed afterwards. Launched as a user starts it: no --home, no EVALLAB_HOME.
 */
export const test = base.extend<object, { desktop: Desktop }>({
  desktop: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
    async ({}, use) => {
      // A skip is declared by the spec before this runs; what reaches here is a launch or a failure.
      const decision = packagedApp()
      if (decision.kind !== 'launch') throw new Error(decision.reason)
      const temp = mkdtempSync(join(tmpdir(), 'evallab-smoke-'))
      try {
        const isolation = isolate({ platform: process.platform, env: process.env, temp })
        const { env, args } = isolation
        const app = await _electron.launch({
          executablePath: decision.executable,
          args,
          env,
          timeout: 60_000,
        })
        try {
          await use({ app, window: await app.firstWindow(), isolation })
        } finally {
          await app.close()
        }
      } finally {
        rmSync(temp, { recursive: true, force: true })
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
})

export { expect } from '@playwright/test'
