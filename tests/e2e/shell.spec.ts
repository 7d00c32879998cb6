import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { AppPage } from './pages/app-page'
import { startHostProcess } from './host-process'
import { expect, test } from './fixtures'

test('navigates every screen with keyboard shortcuts and shows real workspace data', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()

  // The demo workspace ships a dataset, prompts and their suites; nothing is run yet.
  await expect(app.guide).toContainText('Getting started: 3 of 5 steps done')
  await app.guideLink('suite').click()
  await expect(page.getByTestId('tab-suite')).toHaveAttribute('aria-selected', 'true')
  await page.getByTestId('guide-dismiss').click()
  await expect(app.guide).toHaveCount(0)
  await expect(app.guideReopen).toHaveText('Getting started (3/5)')

  await page.keyboard.press('Control+2')
  await expect(app.screen('datasets')).toContainText('Triage golden set')
  await expect(app.screen('datasets')).toContainText('145')
  await page.keyboard.press('Control+6')
  await expect(page.getByTestId('settings-home')).toContainText(host.home)
  for (const [key, route] of [
    ['3', 'runs'],
    ['4', 'review'],
    ['5', 'compare'],
  ] as const) {
    await page.keyboard.press(`Control+${key}`)
    await expect(app.screen(route)).toBeVisible()
  }
})

test('shows a recovery screen, not a spinner, for a workspace from a newer Eval Lab', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'evallab-e2e-newer-'))
  const db = new Database(join(home, 'evallab.db'))
  db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
           INSERT INTO schema_migrations VALUES (99, '0099_future.sql', 'x', 'now');`)
  db.close()
  const host = await startHostProcess({ home })
  try {
    const app = new AppPage(page)
    await app.open(host.url)
    await expect(app.recoveryScreen).toBeVisible()
    await expect(app.recoveryScreen).toContainText('newer')
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'failed')
  } finally {
    await host.stop()
    rmSync(home, { recursive: true, force: true })
  }
})
