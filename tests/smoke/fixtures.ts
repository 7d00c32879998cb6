import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test'
import { JS_FLAGS } from '../../electron/main/launch-flags'
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
  /** The main process's stdout and stderr so far (its warnings explain most failed starts). */
  output(): string
}

/**
 * One launch of the packaged app for the whole file (the checks read it, the demo run writes to it), on a
 * user-data folder of its own, removed afterwards. Launched as a user starts it: no --home, no EVALLAB_HOME.
 */
export const test = base.extend<{ evidence: void }, { desktop: Desktop }>({
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
        // With the heap cap, as the Linux menu entry starts it and as the app relaunches itself: attached
        // to Playwright's inspector it does not relaunch (electron/main/launch-flags.ts).
        const app = await _electron.launch({
          executablePath: decision.executable,
          args: [...args, `--js-flags=${JS_FLAGS}`],
          env,
          timeout: 60_000,
        })
        const output: string[] = []
        const keep = (chunk: Buffer | string) => output.push(chunk.toString())
        app.process().stdout?.on('data', keep)
        app.process().stderr?.on('data', keep)
        try {
          const window = await app.firstWindow().catch((error: unknown) => {
            const said = error instanceof Error ? error.message : String(error)
            throw new Error(`No window opened: ${said}\n--- main process output ---\n${output.join('')}`)
          })
          await use({ app, window, isolation, output: () => output.join('') })
        } finally {
          await app.close()
        }
      } finally {
        rmSync(temp, { recursive: true, force: true })
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  // On a failure, the window as it was and the main process's output, kept in test-results/ for CI to upload.
  evidence: [
    async ({ desktop }, use, testInfo) => {
      await use()
      if (testInfo.status === testInfo.expectedStatus) return
      const log = testInfo.outputPath('main-process.log')
      writeFileSync(log, desktop.output())
      await testInfo.attach('main-process.log', { path: log, contentType: 'text/plain' })
      const shot = testInfo.outputPath('window.png')
      const taken = await desktop.window.screenshot({ path: shot }).then(
        () => true,
        () => false,
      )
      if (taken) await testInfo.attach('window.png', { path: shot, contentType: 'image/png' })
    },
    { auto: true },
  ],
})

export { expect } from '@playwright/test'
