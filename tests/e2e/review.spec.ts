import { AppPage } from './pages/app-page'
import { ReviewPage } from './pages/review-page'
import { RunsPage } from './pages/runs-page'
import { ScoringPage } from './pages/scoring-page'
import { expect, test } from './fixtures'

const items = 20

test('two reviewers score a 20-item queue with the keyboard, κ is shown, a disagreement is adjudicated and the run summary counts the human scores', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000)
  const app = new AppPage(page)
  const runs = new RunsPage(page)
  const review = new ReviewPage(page)
  const scoring = new ScoringPage(page)
  await app.open(host.url)
  await app.waitReady()

  await app.nav('runs').click()
  // One model is enough: the March simulated model pinned by v4.
  await runs.planDemoRun({
    prompt: 'Ticket triage',
    versions: [4],
    models: ['demo/triage-sim-2026-03'],
    concurrency: 8,
    name: 'For review',
  })
  await runs.start()
  await runs.waitForStatus('completed', 60_000)

  await app.nav('review').click()
  await review.createQueue({
    name: 'Category check',
    run: 'For review',
    criterion: 'category_correct',
    sample: items,
    reviewers: ['Ana', 'Ben'],
    perItem: 2,
  })
  await page.getByTestId('queue-row').filter({ hasText: 'Category check' }).click()

  // Each reviewer sees the items in an order of their own; Ana fails her first two, Ben his first four.
  await review.reviewAs('Ana')
  await review.scoreAllWithKeys(items, (i) => (i < 2 ? 'n' : 'y'))
  await review.reviewAs('Ben')
  await review.scoreAllWithKeys(items, (i) => (i < 4 ? 'n' : 'y'))

  await page.getByTestId('queue-tab-report').click()
  const agreement = page.locator('[data-testid="agreement-row"][data-key="category_correct"]')
  await expect(agreement.getByTestId('agreement-kappa')).toHaveText(/-?\d/)
  await expect(agreement.getByTestId('agreement-alpha')).toHaveText(/-?\d/)
  const disagreement = page.getByTestId('disagreement').first()
  await expect(disagreement).toBeVisible()
  await disagreement.getByTestId('adjudicate-value').selectOption({ index: 1 })
  await disagreement.getByTestId('adjudicate-reason').fill('The category matches the routing guide')
  await disagreement.getByTestId('adjudicate-save').click()
  await expect(disagreement.getByTestId('adjudicated')).toBeVisible()

  // The run summary now carries the human metric for the reviewed items.
  await app.nav('runs').click()
  await runs.runRow('For review').click()
  await scoring.scoreRun()
  const slice = scoring.slice(4, 'triage-sim-2026-03')
  await expect(scoring.metric(slice, 'human.category_correct')).toBeVisible({ timeout: 30_000 })
  await expect(scoring.metric(slice, 'human.category_correct')).toContainText(/\b(1[0-9]|20)\b/)
})
