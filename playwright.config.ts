import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './tests/e2e/chromium-launch'

/**
 * Two projects. `e2e`: one built app (`electron-vite build` runs before this); each worker has its own
 * Chromium and each test starts its own Node host on its own data folder and free port
 * (tests/e2e/fixtures.ts), so tests run in parallel. EVALLAB_E2E_WORKERS sets how many: default 3 on the
 * 2-core reference machine, because a worker spends much of a test waiting on its host and its browser (32
 * specs: 2.7 min with 3 workers against 3.0 with 2 when quiet; 3.6 against 4.1–4.2 min under
 * `stress-ng --cpu 2`). `packaged-app`: the installed app itself, launched by Playwright's
 * Electron launcher (tests/smoke), one at a time; skipped with its reason where no packaged app exists.
 */
const workers = Number(process.env.EVALLAB_E2E_WORKERS ?? 3)

export default defineConfig({
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: Number.isInteger(workers) && workers > 0 ? workers : 3,
  retries: 0,
  // A budget, not a wait: three workers on a busy 2-core machine make a quiet minute-long spec take longer.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // The list reporter marks a skipped test without its reason; the second prints the reasons after it.
  reporter: [['list'], ['./tests/smoke/skip-reasons-reporter.ts']],
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions,
        trace: 'retain-on-failure',
      },
    },
    {
      name: 'packaged-app',
      testDir: 'tests/smoke',
      // One app, launched once per worker, its tests in order; a failure starts a fresh launch.
      fullyParallel: false,
      workers: 1,
    },
  ],
})
