import { AppPage } from './pages/app-page'
import { RegistryPage } from './pages/registry-page'
import { RunsPage } from './pages/runs-page'
import { ScoringPage } from './pages/scoring-page'
import { expect, test } from './fixtures'

// The demo's "Ticket triage" v4 pins the March simulated model, v5 the September one (4 % malformed JSON).
const march = 'triage-sim-2026-03'
const september = 'triage-sim-2026-09'

test('the gate fails the newer demo model on the format rule, blocks its promotion, and a passing version promotes', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000)
  const app = new AppPage(page)
  const runs = new RunsPage(page)
  const scoring = new ScoringPage(page)
  const registry = new RegistryPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('runs').click()

  await runs.planDemoRun({
    prompt: 'Ticket triage',
    versions: [4, 5],
    concurrency: 8,
    name: 'March vs September',
  })
  await expect(runs.estimate('calls')).toContainText('580')
  await runs.start()
  await runs.waitForStatus('completed', 90_000)

  await scoring.scoreRun()
  const baseline = scoring.slice(4, march)
  const candidate = scoring.slice(5, september)
  await expect(scoring.metric(baseline, 'format.json_schema')).toContainText('100')
  await expect(candidate.getByTestId('summary-latency')).toContainText(/P95/i)
  await expect(candidate.getByTestId('summary-cost')).not.toBeEmpty()
  await scoring.setBaseline(baseline)

  const failed = await scoring.evaluateGate(candidate)
  await expect(failed).toHaveAttribute('data-verdict', 'fail')
  const formatRule = failed
    .locator('[data-testid="gate-rule"][data-verdict="fail"]')
    .filter({ hasText: /format/i })
  await expect(formatRule).toBeVisible()
  await expect(formatRule.getByTestId('gate-failing-case').first()).toBeVisible()

  const passed = await scoring.evaluateGate(baseline)
  await expect(passed).toHaveAttribute('data-verdict', 'pass')

  // Promotion: v5 has no passing gate and stays blocked; v4 passed and promotes once approved.
  await app.nav('prompts').click()
  await page.getByTestId('prompt-item').filter({ hasText: 'Ticket triage' }).click()
  await registry.showVersion(5)
  await page.getByTestId('promote-prod').click()
  const gateRequirement = registry.gateRequirements().and(page.locator('[data-overridable="true"]'))
  await expect(gateRequirement).toHaveAttribute('data-satisfied', 'false')
  await page.getByTestId('promotion-reason').fill('Ship the September model')
  await expect(page.getByTestId('confirm-promotion')).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('promotion-dialog')).toBeHidden()

  await registry.showVersion(4)
  await page.getByTestId('promote-prod').click()
  await expect(gateRequirement).toHaveAttribute('data-satisfied', 'true')
  await page.getByTestId('approve-version').click()
  await page.getByTestId('approval-comment').fill('Gate passed on the golden set')
  await page.getByTestId('confirm-approval').click()
  await page.getByTestId('promotion-reason').fill('Passing gate and approval')
  await page.getByTestId('confirm-promotion').click()
  await expect(registry.envBadge('prod')).toContainText('v4')
})
