import { resolve } from 'node:path'
import { AppPage } from './pages/app-page'
import { expect, test } from './fixtures'

const demoLog = resolve(import.meta.dirname, '../../resources/demo/production-triage.jsonl')

test('a production log is imported, sampled and scored; a format threshold is breached with its cases listed, and drift is summarised', async ({
  page,
  host,
}) => {
  test.setTimeout(150_000)
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('production').click()

  await page.getByTestId('production-prompt').selectOption({ label: 'Ticket triage' })
  await page.getByTestId('production-file').setInputFiles(demoLog)
  await expect(page.getByTestId('production-preview')).toContainText('400')
  await page.getByTestId('production-sample-rate').fill('50')
  await page.getByTestId('production-import').click()
  await expect(page.getByTestId('production-import-result')).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('production-score').click()
  await expect(page.getByTestId('production-scored')).toBeVisible({ timeout: 90_000 })

  await page.getByTestId('threshold-metric').selectOption('format.json_schema')
  await page.getByTestId('threshold-direction').selectOption('min')
  await page.getByTestId('threshold-value').fill('0.99')
  await page.getByTestId('threshold-add').click()
  await page.getByTestId('threshold-save').click()

  const alert = page.getByTestId('production-alert')
  await expect(alert).toHaveAttribute('data-breached', 'true', { timeout: 30_000 })
  await expect(alert).toContainText(/matches the schema/i)
  await expect(page.getByTestId('alert-case').first()).toBeVisible()
  // Drawn once scrolled into view.
  await page.getByTestId('production-timeline').scrollIntoViewIfNeeded()
  await expect(page.getByTestId('production-timeline')).toHaveAttribute('data-rendered', 'true')

  const drift = page.getByTestId('drift-summary')
  await expect(drift).toHaveAttribute('data-drifted', 'true', { timeout: 30_000 })
  await expect(drift).toContainText(/Spanish|German|longer/i)
  await expect(page.getByTestId('drift-unrepresented').first()).toBeVisible()
  await page.getByTestId('drift-add').click()
  await expect(page.getByTestId('drift-add-result')).toContainText(/added/i)

  // The breach follows the user to every other screen until it is resolved.
  await app.nav('prompts').click()
  await expect(page.getByTestId('header-production-alert')).toContainText(/matches the schema.*Ticket triage/)

  // The chosen prompt survives a reload: its monitoring opens again, not "Choose a prompt".
  await page.reload()
  await app.waitReady()
  await app.nav('production').click()
  await expect(page.getByTestId('production-import-row')).toHaveCount(1)
})

test('the demo scorecard shows each level with its evidence and changes when a gate rule is added', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('scorecard').click()

  await expect(page.getByTestId('scorecard-level')).toContainText(/Level [0-3]/)
  const drafter = page.locator('[data-testid="scorecard-prompt"][data-prompt="Reply drafter"]')
  const ciGate = drafter.locator('[data-testid="scorecard-criterion"][data-key="ci_gate"]')
  await expect(ciGate).toHaveAttribute('data-met', 'false')
  await expect(ciGate.getByTestId('scorecard-evidence')).toHaveText(
    'No gate rules in the eval suite: CI has nothing to gate on',
  )
  await expect(drafter.getByTestId('scorecard-next-step').first()).toBeVisible()

  await app.nav('prompts').click()
  await page.getByTestId('prompt-item').filter({ hasText: 'Reply drafter' }).click()
  await page.getByTestId('tab-suite').click()
  await page.getByTestId('suite-add-gate').click()
  await page.getByTestId('gate-kind').selectOption('max_p95_latency_ms')
  await page.getByTestId('gate-value').fill('8')
  await page.getByTestId('gate-save').click()
  await page.getByTestId('suite-message').fill('P95 latency SLO of 8 s')
  await page.getByTestId('suite-save').click()
  await expect(page.getByTestId('suite-saved')).toBeVisible()

  // The gate rule is stored evidence: CI now has something to gate on, once a baseline is set.
  await app.nav('scorecard').click()
  await expect(ciGate.getByTestId('scorecard-evidence')).toHaveText('1 gate rule, but no baseline to gate on')
  await expect(ciGate).toHaveAttribute('data-met', 'false')
})
