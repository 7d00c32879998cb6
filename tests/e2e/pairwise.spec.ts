import { AppPage } from './pages/app-page'
import { PairwisePage } from './pages/pairwise-page'
import { expect, test } from './fixtures'
import { scoredDemoRun } from './scored-demo'

// The worker's scored demo: Ticket triage v4 and v5 over both simulated models in one run.
test.use({ startFrom: 'scored-demo' })

test('judges v4 on the March model against v5 on the September model pairwise, both orders per case', async ({
  page,
  host,
}) => {
  // Generous: the first spec of a worker also builds the worker's scored demo run.
  test.setTimeout(180_000)
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('compare').click()

  const pairwise = new PairwisePage(page)
  await pairwise.pickSlices(
    scoredDemoRun,
    { version: 4, model: 'triage-sim-2026-03' },
    { version: 5, model: 'triage-sim-2026-09' },
  )
  await expect(pairwise.panel.getByTestId('pairwise-a')).toContainText('v4')
  await expect(pairwise.panel.getByTestId('pairwise-b')).toContainText('v5')
  await pairwise.judge('Triage quality (v1)', 'Priority is reasonable', 'demo/triage-sim-2026-03')

  await expect(pairwise.status).toHaveAttribute('data-status', 'completed', { timeout: 60_000 })
  // Every shared case with an output on both sides was judged in both orders.
  await expect(pairwise.figure('judged')).toHaveText(/^(\d+) of \1$/)
  await expect(pairwise.figure('failed')).toHaveText('0')
  await expect(pairwise.figure('win-rate')).toHaveText(/^\d+ % \(95 % CI \d+–\d+ %\)$/)
  // The simulated judge is free: a known $0, not an unknown price.
  await expect(pairwise.figure('cost')).toHaveText('$0.0000')

  // The simulated judge favours the output it sees first on some ties: those cases are ties, both orders kept.
  await pairwise.filter('inconsistent')
  await expect(pairwise.cases.first()).toBeVisible()
  await expect(
    pairwise.panel.locator('[data-testid="pairwise-case"]:not([data-inconsistent="true"])'),
  ).toHaveCount(0)
  await expect(pairwise.cases.first()).toHaveAttribute('data-outcome', 'tie')
  await pairwise.cases.first().click()
  await expect(pairwise.detail.getByTestId('pairwise-judgment')).toHaveCount(2)
  await expect(pairwise.detail.getByTestId('pairwise-output-a')).not.toBeEmpty()
  await expect(pairwise.detail.getByTestId('pairwise-output-b')).not.toBeEmpty()

  // 145 demo cases: a page of 100, then the rest.
  await pairwise.filter('all')
  await expect(pairwise.panel.getByTestId('pairwise-page')).toHaveText(/^1–100 of 14\d$/)
  await expect(pairwise.cases).toHaveCount(100)
  await pairwise.panel.getByTestId('pairwise-next').click()
  await expect(pairwise.panel.getByTestId('pairwise-page')).toHaveText(/^101–14\d of 14\d$/)

  await pairwise.filter('b')
  await expect(pairwise.panel.locator('[data-testid="pairwise-case"]:not([data-outcome="b"])')).toHaveCount(0)
})
