import { AppPage } from './pages/app-page'
import { expect, test } from './fixtures'
import { scoredDemoRun } from './scored-demo'

const march = 'triage-sim-2026-03'
const september = 'triage-sim-2026-09'
const segments = ['segment:enterprise', 'segment:free', 'segment:pro']

const charts = [
  'chart-quality',
  'chart-quality-segment',
  'chart-cost',
  'chart-cost-segment',
  'chart-latency',
  'chart-pareto',
  'chart-trend',
]

// The worker's scored demo: its "March vs September" run of v4 and v5 over both models, the September one priced
// (the simulated models are free; a price gives the cost charts and projection figures something to show).
test.use({ startFrom: 'scored-demo' })

test('compares the two demo model versions: every chart, regressions, a side-by-side diff and a cost projection', async ({
  page,
  host,
}) => {
  // Generous: the first spec of a worker also builds the worker's scored demo run.
  test.setTimeout(180_000)
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()

  await app.nav('compare').click()
  const screen = page.getByTestId('compare-screen')
  await screen.getByTestId('compare-run').selectOption({ label: scoredDemoRun })
  await screen.getByTestId('compare-add-run').click()
  // Two versions × two models: each slice found by what it is, never by its place in a list still rendering.
  await expect(screen.getByTestId('compare-slice')).toHaveCount(4)
  const slice = (version: number, model: string) =>
    screen.locator(`[data-testid="compare-slice"][data-version="${version}"][data-model="${model}"]`)
  await slice(4, september).uncheck()
  await slice(5, march).uncheck()
  await slice(4, march).check()
  await slice(5, september).check()
  await expect(screen.locator('[data-testid="compare-slice"]:checked')).toHaveCount(2)
  // A chart is drawn when it scrolls into view (one at a time): the last one, far below the fold, waits for
  // that; each is brought into view, then waited on until its canvas shows.
  await expect(screen.getByTestId('chart-quality')).toHaveAttribute('data-rendered', 'true', {
    timeout: 20_000,
  })
  await expect(screen.getByTestId('chart-trend')).toHaveAttribute('data-rendered', 'false')
  for (const chart of charts) {
    await screen.getByTestId(chart).scrollIntoViewIfNeeded()
    await expect(screen.getByTestId(chart)).toHaveAttribute('data-rendered', 'true', { timeout: 20_000 })
    await expect(screen.getByTestId(chart).locator('canvas').first()).toBeVisible()
  }

  const cases = screen.getByTestId('compare-cases')
  await cases.getByTestId('compare-filter').selectOption('regressions')
  const regressions = cases.getByTestId('compare-case')
  await expect(regressions.first()).toBeVisible()
  // Waits until the filter has applied: no row left that is not a regression (a list read mid-render lies).
  await expect(cases.locator('[data-testid="compare-case"]:not([data-change="regression"])')).toHaveCount(0)
  await regressions.first().click()
  await expect(screen.getByTestId('case-diff')).toBeVisible()
  await expect(screen.getByTestId('case-diff')).not.toBeEmpty()

  // Traffic per customer segment: the demo cases are tagged segment:free, segment:pro and segment:enterprise.
  const projection = screen.getByTestId('projection')
  await projection.getByTestId('projection-dimension').selectOption('segment')
  await expect(projection.getByTestId('projection-dau')).toHaveCount(segments.length)
  for (const segment of segments) {
    await projection.locator(`[data-testid="projection-dau"][data-segment="${segment}"]`).fill('1000')
  }
  await projection.getByTestId('projection-interactions').fill('3')
  await projection.getByTestId('projection-conversion-rate').fill('2')
  await projection.getByTestId('projection-conversion-value').fill('40')
  await expect(projection.getByTestId('projection-monthly-cost')).toContainText(/\$\s?[0-9.,]*[1-9]/)
  await expect(projection.getByTestId('projection-row').first()).toBeVisible()
})
