import { AppPage } from './pages/app-page'
import { DatasetsPage } from './pages/datasets-page'
import { GeneratePage } from './pages/generate-page'
import { expect, test } from './fixtures'

test('generates 10 cases for a thin demo segment, accepts 7, and the next snapshot lists exactly those', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const datasets = new DatasetsPage(page)
  const generate = new GeneratePage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('datasets').click()
  await datasets.datasetItems().getByRole('link', { name: 'Triage golden set' }).click()
  await expect(page.getByTestId('case-table')).toHaveAttribute('data-total', '145')

  // German tickets are a thin segment of the demo (6 of 145): generate from its Coverage row.
  await generate.fromThinSegment('lang:de').click()
  await expect(generate.dialog.getByTestId('generate-segment')).toContainText('lang:de')
  await expect(generate.dialog.getByTestId('generate-model')).toHaveValue(/^demo\//)
  await generate.generate(10)
  await expect(generate.drafts()).toHaveCount(10)
  // The simulated model sometimes copies an existing ticket: the duplicate detector flags it.
  await expect(generate.flaggedDrafts()).toHaveCount(2)
  await expect(generate.flaggedDrafts().first().getByTestId('draft-duplicate')).toContainText(
    'near-duplicate of case tkt-',
  )

  await generate.acceptFirst(7)
  await expect(generate.added).toContainText('Added 7 cases')
  await expect(generate.drafts()).toHaveCount(3)
  await expect(page.getByTestId('drafts-count')).toHaveText('3 drafts waiting')

  await generate.backToCases()
  await expect(page.getByTestId('case-table')).toHaveAttribute('data-total', '152')
  await page.locator('[data-testid="tag-filter"][data-tag="source:generated"]').click()
  await expect(datasets.rows()).toHaveCount(7)

  await datasets.snapshot('Seven generated German tickets')
  await page.getByTestId('dataset-tab-snapshots').click()
  await page.getByTestId('snapshot-compare').click()
  await expect(page.getByTestId('snapshot-diff')).toBeVisible()
  await expect(page.getByTestId('diff-count-added')).toHaveAttribute('data-count', '7')
  await expect(page.getByTestId('diff-count-edited')).toHaveAttribute('data-count', '0')
  await expect(page.getByTestId('diff-count-removed')).toHaveAttribute('data-count', '0')
})
