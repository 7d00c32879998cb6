import { AppPage } from './pages/app-page'
import { DatasetsPage } from './pages/datasets-page'
import { ReviewPage } from './pages/review-page'
import { expect, test } from './fixtures'
import { scoredDemoRun } from './scored-demo'

test.use({ startFrom: 'scored-demo' })

test('adjudicating a disagreement with "update expected" changes the case, and the snapshot diff shows it with its reason', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const review = new ReviewPage(page)
  const datasets = new DatasetsPage(page)
  await app.open(host.url)
  await app.waitReady()

  // One sampled case of the run's four slices: four items, each scored pass by Ana and fail by Ben.
  await app.nav('review').click()
  await review.createQueue({
    name: 'Label check',
    run: scoredDemoRun,
    criterion: 'category_correct',
    sample: 1,
    reviewers: ['Ana', 'Ben'],
    perItem: 2,
  })
  await page.getByTestId('queue-row').filter({ hasText: 'Label check' }).click()
  await review.reviewAs('Ana')
  await review.scoreAllWithKeys(4, () => 'y')
  await review.reviewAs('Ben')
  await review.scoreAllWithKeys(4, () => 'n')

  await page.getByTestId('queue-tab-report').click()
  await expect(review.disagreements()).toHaveCount(4)
  const disagreement = review.disagreements().first()
  const caseKey = (await disagreement.locator('p strong').first().textContent()) ?? ''
  const reason = 'The routing guide files plan changes under account'
  const was = await review.adjudicate(disagreement, {
    scoreIndex: 0,
    reason,
    expected: { field: 'category', value: (old) => (old === 'account' ? 'billing' : 'account') },
  })
  const now = was === 'account' ? 'billing' : 'account'
  await expect(disagreement.getByTestId('adjudicated-correction')).toContainText(
    `expected category corrected to ${now}`,
  )

  // The run's snapshot against the working copy: exactly that case, its category, and why.
  await app.nav('datasets').click()
  await datasets.openDataset('Triage golden set')
  const diff = await datasets.diffNewestWithWorking()
  await expect(diff.getByTestId('diff-count-edited')).toHaveAttribute('data-count', '1')
  const edited = datasets.diffCase(caseKey)
  await expect(edited.locator('[data-testid="field-change"][data-field="expected.category"]')).toBeVisible()
  await expect(edited.getByTestId('field-after')).toContainText(now)
  await expect(edited.getByTestId('diff-correction')).toContainText(`corrected to ${now} by`)
  await expect(edited.getByTestId('diff-correction')).toContainText(`run “${scoredDemoRun}”`)
  await expect(edited.getByTestId('diff-correction')).toContainText(reason)
})
